import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

const recipients = (text: string) =>
  findBounces(text).flatMap((b) => b.recipients.map((r) => [r.address, r.reason, r.status ?? null]));

describe('reasons said in a sentence, a clause or a cut-off reply', () => {
  it("Gmail's 'because the domain x.example couldn't be found' is read past the stops inside the domain", () => {
    const text = `Address not found

Your message wasn't delivered to bids@quarrytown.example because the domain quarrytown.example couldn't be found. Check for typos or unnecessary spaces and try again.`;
    expect(recipients(text)).toEqual([['bids@quarrytown.example', 'hostunknown', null]]);
  });

  it("the Windows SMTP service's notice gives its reason in a clause before the list", () => {
    const text = `This is an automatically generated Delivery Status Notification.

Unable to deliver message to the following recipients, due to being unable to connect successfully to the destination mail server.

       frontoffice@brackenridge.example
       stores@brackenridge.example`;
    expect(recipients(text)).toEqual([
      ['frontoffice@brackenridge.example', 'networkerror', null],
      ['stores@brackenridge.example', 'networkerror', null],
    ]);
  });

  it("Exchange's quoted reply cut off by a truncated paste still gives its status", () => {
    const text = `Your message to t.greco@lucca-arte.example couldn't be delivered.

Diagnostic information for administrators:
Generating server: AS8PR01MB1234.eurprd01.prod.outlook.example
t.greco@lucca-arte.example
Remote Server returned '552 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException; Failed to process message due to
[rest of message removed]`;
    expect(recipients(text)).toEqual([['t.greco@lucca-arte.example', 'mailboxfull', '5.2.2']]);
  });

  it('Gmail\'s "DNS Error: DNS server returned answer with no data" is a domain that cannot take mail', () => {
    const text = `Message not delivered

There was a problem delivering your message to team@vellumworks.example. See the technical details below.

The response was:
DNS Error: DNS server returned answer with no data`;
    expect(recipients(text)).toEqual([['team@vellumworks.example', 'hostunknown', null]]);
  });
});
