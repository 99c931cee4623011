import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

// Gmail's newer layout: a "** Message blocked **" headline and "Your message to X has been blocked."
const BLOCKED = `** Message blocked **

Your message to buyer@tailspin-toys.example has been blocked. See technical details below for more information.

The response from the remote server was:
550 5.7.26 Unauthenticated email from sales.contoso.example is not accepted due to domain's DMARC policy. - gsmtp`;

describe('Gmail "Message blocked" bounce', () => {
  it('is read: recipient, status, reply code and an authentication reason', () => {
    const [b] = findBounces(BLOCKED);
    expect(b).toBeDefined();
    expect(b!.generation).toBe('gmail');
    expect(b!.recipients).toHaveLength(1);
    expect(b!.recipients[0]).toMatchObject({
      address: 'buyer@tailspin-toys.example',
      status: '5.7.26',
      replyCode: '550',
    });
    expect(['authfailure', 'securityerror', 'policyviolation']).toContain(b!.recipients[0]!.reason);
  });
});
