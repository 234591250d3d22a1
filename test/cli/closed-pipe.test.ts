import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exitQuietlyOnClosedPipe } from '../../src/cli/closed-pipe.js';

const errno = (code: string) => Object.assign(new Error(`write ${code}`), { code, syscall: 'write' });

describe('exitQuietlyOnClosedPipe', () => {
  it('ends with status 0 when the reader has gone (EPIPE), printing nothing', () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    exitQuietlyOnClosedPipe(stream, (code) => exits.push(code));
    stream.emit('error', errno('EPIPE'));
    expect(exits).toEqual([0]);
  });

  it('lets any other write error through, as before', () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    exitQuietlyOnClosedPipe(stream, (code) => exits.push(code));
    expect(() => stream.emit('error', errno('ENOSPC'))).toThrow('write ENOSPC');
    expect(exits).toEqual([]);
  });
});
