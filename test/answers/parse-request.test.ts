import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/answers/parse-request.js';

describe('parseRequest: sub-command words inside questions', () => {
  it('reads "similar <paper or words>" as the sub-command', () => {
    expect(parseRequest('similar 2308.16582')).toEqual({ kind: 'similar', ref: '2308.16582' });
    expect(parseRequest('similar to https://arxiv.org/abs/2308.16582v2')).toEqual({ kind: 'similar', ref: 'https://arxiv.org/abs/2308.16582v2' });
    expect(parseRequest('similar diffusion models')).toEqual({ kind: 'similar', ref: 'diffusion models' });
  });

  it('reads a question that starts with "similar" as a search', () => {
    expect(parseRequest('similar work on RoPE scaling?')).toEqual({ kind: 'search', query: 'similar work on RoPE scaling?' });
    expect(parseRequest('<@U0PAPERBOT> similar papers about quantization')).toEqual({ kind: 'search', query: 'similar papers about quantization' });
  });
});
