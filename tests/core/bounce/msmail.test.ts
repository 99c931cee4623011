import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';
import { msmailReason } from '../../../src/core/bounce/msmail';

describe('msmailReason', () => {
  it('reads the cause from the bracketed code of an MS Mail gateway', () => {
    expect(msmailReason('[009] Mail maximum size exceeded')).toBe('exceedlimit');
    expect(msmailReason('[004] Message circular route detected.')).toBe('networkerror');
    expect(msmailReason('[017] Unable to deliver user mail due to a full mailbag.')).toBe('systemfull');
    expect(msmailReason('[005] Mail retry count exceeded')).toBe('expired');
  });
  it('says nothing for an unknown code or text without one', () => {
    expect(msmailReason('[099] Something new')).toBeUndefined();
    expect(msmailReason('550 5.1.1 User unknown')).toBeUndefined();
    expect(msmailReason(undefined)).toBeUndefined();
  });
});

describe('findBounces on MS Mail gateway reports', () => {
  it('reads the recipient path after "sending to:" and the reason from the code', () => {
    const [b] = findBounces(
      'Subject: Undeliverable Mail\n[009] Mail maximum size exceeded sending to: WESTNET/PO4/DKING\n',
    );
    expect(b?.generation).toBe('ms-mail');
    expect(b?.recipients).toMatchObject([{ address: 'WESTNET/PO4/DKING', reason: 'exceedlimit' }]);
  });
  it('keeps a named recipient with its path, across quote markers and line breaks', () => {
    const text =
      '> [017] Unable to deliver user mail due to a full mailbag.\n> Message was not delivered to Helpdesk (CORP/HQ/HELP)\n';
    expect(findBounces(text)[0]?.recipients).toMatchObject([
      { address: 'Helpdesk (CORP/HQ/HELP)', reason: 'systemfull' },
    ]);
  });
  it('is no report when the code is not followed by a recipient line', () => {
    expect(findBounces('We saw [009] in the log yesterday and the queue was fine.')).toEqual([]);
  });
});
