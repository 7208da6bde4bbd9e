/*
 * talk: the program in the image of Berth's second tour ("Where data lives and how containers talk").
 *
 *   talk serve PORT NAME   listen on TCP PORT and answer every connection with a tiny HTTP/1.0 reply,
 *                          "hello from NAME"; runs until killed.
 *   talk ask NAME PORT     ask the engine's embedded DNS server (127.0.0.11:53, present on user-defined networks)
 *                          for NAME's IPv4 address with one UDP query, connect to it on PORT, send a GET and print
 *                          the reply; exit 0. When NAME does not resolve or nobody answers: a message, exit 1.
 *
 * The tour image starts FROM scratch, so there is no C library: this file makes its own system calls.
 * Linux x86-64 only. Built by scripts/build-talk.sh (the flags there matter: no C library, no builtins):
 *   gcc -nostdlib -static -Os -ffreestanding -fno-tree-loop-distribute-patterns -fno-pie -no-pie
 *       -fno-stack-protector -fno-asynchronous-unwind-tables -fno-ident -Wl,--build-id=none -s -o talk-amd64 talk.c
 */

typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

enum {
  SYS_read = 0, SYS_write = 1, SYS_close = 3, SYS_socket = 41, SYS_connect = 42, SYS_accept = 43,
  SYS_sendto = 44, SYS_recvfrom = 45, SYS_bind = 49, SYS_listen = 50, SYS_setsockopt = 54, SYS_exit = 60,
};
enum { AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_RCVTIMEO = 20,
       SO_SNDTIMEO = 21 };

static long sys(long n, long a, long b, long c, long d, long e, long f) {
  long ret;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}

struct sockaddr_in {
  u16 family;
  u16 port; /* network byte order */
  u32 addr; /* network byte order */
  u8 zero[8];
};
struct timeval {
  long sec;
  long usec;
};

static u16 be16(u16 v) { return (u16)((v << 8) | (v >> 8)); }

static u64 length(const char *s) {
  u64 n = 0;
  while (s[n] != 0) n++;
  return n;
}

static void say(int fd, const char *s) { sys(SYS_write, fd, (long)s, (long)length(s), 0, 0, 0); }

static __attribute__((noreturn)) void leave(int code) {
  for (;;) sys(SYS_exit, code, 0, 0, 0, 0, 0);
}

static __attribute__((noreturn)) void fail(const char *a, const char *b, const char *c) {
  say(2, "talk: ");
  say(2, a);
  say(2, b);
  say(2, c);
  say(2, "\n");
  leave(1);
}

/* A decimal port, 1..65535, or 0 when the text is not one. */
static u16 port_of(const char *s) {
  u32 v = 0;
  if (*s == 0) return 0;
  for (; *s != 0; s++) {
    if (*s < '0' || *s > '9') return 0;
    v = v * 10 + (u32)(*s - '0');
    if (v > 65535) return 0;
  }
  return (u16)v;
}

static void timeouts(int fd, int seconds) {
  struct timeval tv = {seconds, 0};
  sys(SYS_setsockopt, fd, SOL_SOCKET, SO_RCVTIMEO, (long)&tv, sizeof tv, 0);
  sys(SYS_setsockopt, fd, SOL_SOCKET, SO_SNDTIMEO, (long)&tv, sizeof tv, 0);
}

static char buffer[2048];

static __attribute__((noreturn)) void serve(u16 port, const char *name) {
  static const char head[] = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nhello from ";
  char reply[256];
  u64 n = 0;
  for (u64 i = 0; head[i] != 0; i++) reply[n++] = head[i];
  for (u64 i = 0; name[i] != 0 && n < sizeof reply - 2; i++) reply[n++] = name[i];
  reply[n++] = '\n';

  int fd = (int)sys(SYS_socket, AF_INET, SOCK_STREAM, 0, 0, 0, 0);
  int one = 1;
  sys(SYS_setsockopt, fd, SOL_SOCKET, SO_REUSEADDR, (long)&one, sizeof one, 0);
  struct sockaddr_in any = {AF_INET, be16(port), 0, {0}};
  if (fd < 0 || sys(SYS_bind, fd, (long)&any, sizeof any, 0, 0, 0) < 0 || sys(SYS_listen, fd, 16, 0, 0, 0, 0) < 0)
    fail("cannot listen on that port", "", "");
  for (;;) {
    int client = (int)sys(SYS_accept, fd, 0, 0, 0, 0, 0);
    if (client < 0) continue;
    /* Read the request (whatever arrives within two seconds) so that closing does not reset the connection. */
    timeouts(client, 2);
    sys(SYS_read, client, (long)buffer, sizeof buffer, 0, 0, 0);
    sys(SYS_write, client, (long)reply, (long)n, 0, 0, 0);
    sys(SYS_close, client, 0, 0, 0, 0, 0);
  }
}

/* One DNS question for NAME's A record; returns the query's length, 0 when NAME cannot be a DNS name. */
static u64 query(u8 *q, const char *name) {
  static const u8 header[12] = {0x42, 0x65, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}; /* id, recursion desired, 1 question */
  u64 n = 0;
  for (; n < 12; n++) q[n] = header[n];
  const char *label = name;
  while (*label != 0) {
    u64 len = 0;
    while (label[len] != 0 && label[len] != '.') len++;
    if (len == 0 || len > 63 || n + len > 250) return 0;
    q[n++] = (u8)len;
    for (u64 i = 0; i < len; i++) q[n++] = (u8)label[i];
    label += len;
    if (*label == '.') label++;
  }
  q[n++] = 0;
  q[n++] = 0, q[n++] = 1; /* type A */
  q[n++] = 0, q[n++] = 1; /* class IN */
  return n;
}

/* Steps over a (possibly compressed) name in a DNS message; returns the offset after it, or 0 when it is cut short. */
static u64 skip_name(const u8 *m, u64 at, u64 size) {
  while (at < size) {
    u8 len = m[at];
    if (len == 0) return at + 1;
    if ((len & 0xc0) == 0xc0) return at + 2 <= size ? at + 2 : 0;
    at += 1 + len;
  }
  return 0;
}

/* NAME's IPv4 address (network byte order) from the engine's DNS server, or 0. */
static u32 resolve(const char *name) {
  static u8 q[256];
  static u8 answer[512];
  u64 size = query(q, name);
  if (size == 0) return 0;
  int fd = (int)sys(SYS_socket, AF_INET, SOCK_DGRAM, 0, 0, 0, 0);
  if (fd < 0) return 0;
  timeouts(fd, 2);
  struct sockaddr_in dns = {AF_INET, be16(53), 0x0b00007f /* 127.0.0.11 */, {0}};
  if (sys(SYS_sendto, fd, (long)q, (long)size, 0, (long)&dns, sizeof dns) < 0) return 0;
  long got = sys(SYS_recvfrom, fd, (long)answer, sizeof answer, 0, 0, 0);
  sys(SYS_close, fd, 0, 0, 0, 0, 0);
  if (got < 12 || answer[0] != q[0] || answer[1] != q[1] || (answer[3] & 0x0f) != 0) return 0;
  u64 count = (u64)(answer[6] << 8 | answer[7]);
  u64 at = skip_name(answer, 12, (u64)got);
  if (at == 0) return 0;
  at += 4; /* type and class of the question */
  for (; count > 0; count--) {
    at = skip_name(answer, at, (u64)got);
    if (at == 0 || at + 10 > (u64)got) return 0;
    u16 type = (u16)(answer[at] << 8 | answer[at + 1]);
    u16 rdlength = (u16)(answer[at + 8] << 8 | answer[at + 9]);
    at += 10;
    if (at + rdlength > (u64)got) return 0;
    if (type == 1 && rdlength == 4)
      return (u32)answer[at] | (u32)answer[at + 1] << 8 | (u32)answer[at + 2] << 16 | (u32)answer[at + 3] << 24;
    at += rdlength;
  }
  return 0;
}

static __attribute__((noreturn)) void ask(const char *name, u16 port) {
  u32 address = resolve(name);
  if (address == 0) fail("the name ", name, " does not resolve here (no answer from the engine's DNS at 127.0.0.11)");
  int fd = (int)sys(SYS_socket, AF_INET, SOCK_STREAM, 0, 0, 0, 0);
  timeouts(fd, 3);
  struct sockaddr_in to = {AF_INET, be16(port), address, {0}};
  if (fd < 0 || sys(SYS_connect, fd, (long)&to, sizeof to, 0, 0, 0) < 0)
    fail("the name ", name, " resolves, but nothing answers on that port");
  say(fd, "GET / HTTP/1.0\r\n\r\n");
  for (;;) {
    long got = sys(SYS_read, fd, (long)buffer, sizeof buffer, 0, 0, 0);
    if (got <= 0) break;
    sys(SYS_write, 1, (long)buffer, got, 0, 0, 0);
  }
  leave(0);
}

static int same(const char *a, const char *b) {
  while (*a != 0 && *a == *b) a++, b++;
  return *a == *b;
}

__attribute__((noreturn, used)) void begin(long *stack) {
  long argc = stack[0];
  char **argv = (char **)(stack + 1);
  if (argc == 4 && same(argv[1], "serve") && port_of(argv[2]) != 0) serve(port_of(argv[2]), argv[3]);
  if (argc == 4 && same(argv[1], "ask") && port_of(argv[3]) != 0) ask(argv[2], port_of(argv[3]));
  say(2, "usage: talk serve PORT NAME | talk ask NAME PORT\n");
  leave(2);
}

/* The kernel starts the program here with argc, argv... on the stack. */
__asm__(".globl _start\n_start:\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call begin\n");
