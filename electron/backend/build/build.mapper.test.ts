import { describe, expect, it } from 'vitest';
import { BuildOutputReader, toHistoryLayer } from './build.mapper';

// Messages in the shape and splitting the test engine's classic builder sends them.
const SUCCESS = [
  { stream: 'Step 1/3 : FROM berth-fixture/busybox:1' },
  { stream: '\n' },
  { stream: ' ---\u003e 3c75ab51c010\n' },
  { stream: 'Step 2/3 : ENV A=b' },
  { stream: '\n' },
  { stream: ' ---\u003e Using cache\n' },
  { stream: ' ---\u003e 666c3320c09d\n' },
  { stream: 'Step 3/3 : RUN echo one \u0026\u0026 printf two' },
  { stream: '\n' },
  { stream: ' ---\u003e Running in 3a013baefd26\n' },
  { stream: 'one\n' },
  { stream: 'tw' },
  { stream: 'o' },
  { stream: 'Removing intermediate container 3a013baefd26\n' },
  { stream: ' ---\u003e 066f4b83fa21\n' },
  { aux: { ID: 'sha256:066f4b83fa21b873dd2553d163347b3d2b92c4e8e7a6d69200ad50c365301403' } },
  { stream: 'Successfully built 066f4b83fa21\n' },
  { stream: 'Successfully tagged demo:1\n' },
];

describe('BuildOutputReader', () => {
  it('turns the stream into steps, output, cache hits and layers, and keeps the image id', () => {
    const reader = new BuildOutputReader();
    const events = [...SUCCESS.flatMap((m) => reader.read(m)), ...reader.flush()];
    expect(events).toEqual([
      { type: 'step', step: 1, total: 3, instruction: 'FROM berth-fixture/busybox:1' },
      { type: 'layer', step: 1, id: '3c75ab51c010' },
      { type: 'step', step: 2, total: 3, instruction: 'ENV A=b' },
      { type: 'cached', step: 2 },
      { type: 'layer', step: 2, id: '666c3320c09d' },
      { type: 'step', step: 3, total: 3, instruction: 'RUN echo one && printf two' },
      { type: 'output', step: 3, text: 'one' },
      // "two" had no newline of its own: the engine's next line ran into it.
      { type: 'output', step: 3, text: 'two' },
      { type: 'layer', step: 3, id: '066f4b83fa21' },
    ]);
    expect(reader.imageId).toBe('sha256:066f4b83fa21b873dd2553d163347b3d2b92c4e8e7a6d69200ad50c365301403');
    expect(reader.failure).toBeUndefined();
  });

  it("reads Podman's builder the same way: STEP n/m:, --> ids, cache hits, COMMIT and the bare id dropped", () => {
    // As `podman system service` 4.3 sends them for a cached ARG, a RUN and a failing RUN.
    const reader = new BuildOutputReader();
    const events = [
      { stream: 'STEP 1/4: FROM berth-fixture/busybox:1\n' },
      { stream: 'STEP 2/4: ARG G=hi\n' },
      { stream: '--\u003e Using cache 85158eab5f4f15ba4daa67fd595d0c54e58112658b99c3e145ec4a037a96abcd\n' },
      { stream: '--\u003e 85158eab5f4\n' },
      { stream: 'STEP 3/4: RUN echo "$G" \u003e /x \u0026\u0026 echo out\n' },
      { stream: 'out\n' },
      { stream: '--\u003e ea2c4b06940\n' },
      { stream: 'STEP 4/4: RUN exit 3\n' },
    ].flatMap((m) => reader.read(m));
    expect(events).toEqual([
      { type: 'step', step: 1, total: 4, instruction: 'FROM berth-fixture/busybox:1' },
      { type: 'step', step: 2, total: 4, instruction: 'ARG G=hi' },
      { type: 'cached', step: 2 },
      { type: 'layer', step: 2, id: '85158eab5f4' },
      { type: 'step', step: 3, total: 4, instruction: 'RUN echo "$G" > /x && echo out' },
      { type: 'output', step: 3, text: 'out' },
      { type: 'layer', step: 3, id: 'ea2c4b06940' },
      { type: 'step', step: 4, total: 4, instruction: 'RUN exit 3' },
    ]);
    reader.read({ error: 'building at STEP "RUN exit 3": while running runtime: exit status 3\n' });
    expect(reader.failure).toMatchObject({ step: 4, instruction: 'RUN exit 3' });
    expect(reader.cachedSteps).toBe(1);

    const done = new BuildOutputReader();
    const tail = [
      { stream: 'COMMIT docker.io/library/demo:1\n' },
      { stream: '4a0553d203ac9f08a9282cac138dc8fa8e3a8668deb21235f8024c13cf235d88\n' },
      { aux: { ID: 'sha256:4a0553d203ac9f08a9282cac138dc8fa8e3a8668deb21235f8024c13cf235d88' } },
      { stream: 'Successfully built 4a0553d203ac\n' },
    ].flatMap((m) => done.read(m));
    expect(tail).toEqual([]);
    expect(done.imageId).toBe('sha256:4a0553d203ac9f08a9282cac138dc8fa8e3a8668deb21235f8024c13cf235d88');
  });

  it('records the failing step with the engine message', () => {
    const reader = new BuildOutputReader();
    reader.read({ stream: 'Step 2/4 : RUN exit 3\n' });
    reader.read({ stream: ' ---> Running in abcdef123456\n' });
    const events = reader.read({
      errorDetail: { code: 3, message: "The command '/bin/sh -c exit 3' returned a non-zero code: 3" },
      error: "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
    });
    expect(events).toEqual([]);
    expect(reader.failure).toEqual({
      step: 2,
      total: 4,
      instruction: 'RUN exit 3',
      message: "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
    });
    expect(reader.imageId).toBeUndefined();
  });

  it('shows the last state of redrawn lines without ANSI colours, and pull statuses without progress bars', () => {
    const reader = new BuildOutputReader();
    reader.read({ stream: 'Step 1/1 : FROM x\n' });
    expect(reader.read({ stream: '10%\r50%\r\u001b[32m100%\u001b[0m\n' })).toEqual([
      { type: 'output', step: 1, text: '100%' },
    ]);
    expect(reader.read({ status: 'Downloading', id: 'abc', progressDetail: { current: 1, total: 9 } })).toEqual([]);
    expect(reader.read({ status: 'Pull complete', id: 'abc', progressDetail: {} })).toEqual([
      { type: 'output', step: 1, text: 'abc: Pull complete' },
    ]);
    expect(reader.read({ stream: 'tail without newline' })).toEqual([]);
    expect(reader.flush()).toEqual([{ type: 'output', step: 1, text: 'tail without newline' }]);
  });
});

describe('toHistoryLayer', () => {
  it('maps the engine row, with epoch ms and <missing> ids kept', () => {
    expect(toHistoryLayer({ Id: '<missing>', CreatedBy: '/bin/sh -c x', Size: 5, Created: 1700000000 })).toEqual({
      id: '<missing>',
      createdBy: '/bin/sh -c x',
      size: 5,
      created: 1700000000000,
    });
    expect(toHistoryLayer({})).toEqual({ id: '<missing>', createdBy: '', size: 0, created: 0 });
  });
});
