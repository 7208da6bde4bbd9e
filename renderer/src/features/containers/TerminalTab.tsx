import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { execAction } from '../../../../shared/cli/containers.cli';
import type { ContainerOverview } from '../../../../shared/dto/containers';
import { Command } from '../../ui/Command';
import { Message } from '../../ui/Message';
import { useBerth } from '../../app/store';
import { terminalLinkHandler } from './terminal-links';
import { openUnderCsp } from './xterm-csp';

const SHELL = ['/bin/sh'];

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

type Status = { kind: 'connecting' } | { kind: 'open' } | { kind: 'ended'; message: string };

/** An interactive shell in the running container: a TTY over the exec stream, resized with the panel. */
export function TerminalTab({ container }: { container: ContainerOverview }) {
  const execInContainer = useBerth((s) => s.execInContainer);
  const sendExecInput = useBerth((s) => s.sendExecInput);
  const resizeExec = useBerth((s) => s.resizeExec);
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'connecting' });
  const [generation, setGeneration] = useState(0);
  const running = container.state === 'running';

  useEffect(() => {
    const el = host.current;
    if (!running || el === null) return;
    const styles = getComputedStyle(el);
    const term = new Terminal({
      cursorBlink: true,
      fontFamily: styles.getPropertyValue('--font-mono') || 'monospace',
      fontSize: 13,
      theme: { background: '#15171a', foreground: '#e5e7eb', cursor: '#7aa2f7' },
      // A program in the container can print links (OSC 8): only http(s), and only after the user says yes.
      linkHandler: terminalLinkHandler(
        (question) => window.confirm(question),
        (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
      ),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    const dropStyles = openUnderCsp(term, el);
    fit.fit();
    let sessionId: string | null = null;
    setStatus({ kind: 'connecting' });
    const unsubscribe = execInContainer({ id: container.id, cols: term.cols, rows: term.rows }, (message) => {
      if (message.type === 'error') return setStatus({ kind: 'ended', message: message.error.message });
      if (message.type === 'end') return setStatus({ kind: 'ended', message: 'The session ended.' });
      for (const chunk of message.items) {
        if (chunk.type === 'session') {
          sessionId = chunk.sessionId;
          setStatus({ kind: 'open' });
          term.focus();
        } else if (chunk.type === 'output') term.write(decode(chunk.data));
        else
          setStatus({
            kind: 'ended',
            message: `The shell exited${chunk.exitCode === null ? '' : ` with code ${chunk.exitCode}`}.`,
          });
      }
    });
    const input = term.onData((data) => {
      if (sessionId) void sendExecInput({ sessionId, data });
    });
    const resize = term.onResize(({ cols, rows }) => {
      if (sessionId) void resizeExec({ sessionId, cols, rows });
    });
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
    return () => {
      observer.disconnect();
      input.dispose();
      resize.dispose();
      unsubscribe();
      term.dispose();
      dropStyles();
    };
  }, [execInContainer, sendExecInput, resizeExec, container.id, running, generation]);

  if (!running) return <p className="muted">A terminal needs a running container. Start it first.</p>;
  return (
    <div className="ctr-terminal-tab">
      <p className="terminal-bar">
        <span className="muted">Same as</span> <Command>{execAction(container.name, SHELL).command}</Command>
        {status.kind === 'connecting' && <span aria-busy="true"> Connecting…</span>}
        {status.kind === 'ended' && (
          <>
            {' '}
            <span role="status">
              <Message text={status.message} />
            </span>{' '}
            <button type="button" className="button" onClick={() => setGeneration((g) => g + 1)}>
              Open a new shell
            </button>
          </>
        )}
      </p>
      <div className="ctr-terminal-host" ref={host} role="region" aria-label="Terminal" />
    </div>
  );
}
