import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../helpers/shared-dir.js';
import { signedHeaders, slackSignature } from '../../../src/slack-stand-in/sign.js';

const vector = JSON.parse(readFixture('signing-vector.json')) as { signing_secret: string; timestamp: string; body: string; signature: string };

describe('our request signer', () => {
  it("reproduces Slack's published signing example", () => {
    expect(slackSignature(vector.signing_secret, vector.timestamp, vector.body)).toBe(vector.signature);
  });

  it('changes with any byte of the body, the timestamp or the secret', () => {
    expect(slackSignature(vector.signing_secret, vector.timestamp, `${vector.body}x`)).not.toBe(vector.signature);
    expect(slackSignature(vector.signing_secret, Number(vector.timestamp) + 1, vector.body)).not.toBe(vector.signature);
    expect(slackSignature(`${vector.signing_secret}x`, vector.timestamp, vector.body)).not.toBe(vector.signature);
  });

  it("signs requests that Bolt's own verifier accepts", () => {
    const headers = signedHeaders(vector.signing_secret, vector.body, 'application/x-www-form-urlencoded');
    expect(() =>
      verifySlackRequest({
        signingSecret: vector.signing_secret,
        body: vector.body,
        headers: { 'x-slack-signature': headers['x-slack-signature']!, 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
      }),
    ).not.toThrow();
  });
});
