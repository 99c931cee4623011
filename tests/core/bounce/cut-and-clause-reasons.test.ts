import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

const recipients = (text: string) =>
  findBounces(text).flatMap((b) => b.recipients.map((r) => [r.address, r.reason, r.status ?? null]));

describe('reasons said in a sentence, a clause before the list or a cut-off reply', () => {
  it("Gmail's 'because the domain x.example couldn't be found' is read past the stops inside the domain", () => {
    const text = `Address not found

Your message wasn't delivered to orders@fenwick-mill.example because the domain fenwick-mill.example couldn't be found. Check for typos or unnecessary spaces and try again.`;
    expect(recipients(text)).toEqual([['orders@fenwick-mill.example', 'hostunknown', null]]);
  });

  it('the same sentence with the next line glued on by a web page ("again.LEARN MORE"), quoted', () => {
    const text = `> Address not found
> Your message wasn't delivered to desk@harlow-vets.example because the domain harlow-vets.example couldn't be found. Check for typos or unnecessary spaces and try again.LEARN MORE`;
    expect(recipients(text)).toEqual([['desk@harlow-vets.example', 'hostunknown', null]]);
  });

  it('a Gmail card pasted with its lines glued ("mail.LEARN MORE", "was:550") keeps its recipient and reply', () => {
    const text = `Address not foundYour message wasn't delivered to p.quill@inkwell-books.example because the address couldn't be found, or is unable to receive mail.LEARN MOREThe response from the remote server was:550 5.1.1 <p.quill@inkwell-books.example>: Recipient address rejected: User unknown`;
    expect(recipients(text)).toEqual([['p.quill@inkwell-books.example', 'userunknown', '5.1.1']]);
  });

  it('Gmail\'s "DNS server returned answer with no data" is a domain that takes no mail', () => {
    const text = `Message not delivered

There was a problem delivering your message to staff@cresswell-rowing.example. See the technical details below.

The response was:
DNS Error: DNS server returned answer with no data for cresswell-rowing.example`;
    expect(recipients(text)).toEqual([['staff@cresswell-rowing.example', 'hostunknown', null]]);
  });

  it("the Windows SMTP service's notification gives its reason in a clause before the list, also folded", () => {
    const text = `This is an automatically generated Delivery Status Notification.

Unable to deliver message to the following recipients, due to being unable to connect successfully to the destination mail server.

       depot@saxby-freight.example
       yard@saxby-freight.example`;
    const want = [
      ['depot@saxby-freight.example', 'networkerror', null],
      ['yard@saxby-freight.example', 'networkerror', null],
    ];
    expect(recipients(text)).toEqual(want);
    expect(recipients(text.replace(/\s*\n\s*/g, ' '))).toEqual(want);
  });

  it("an agent's sentence with the same words is no report, even with a code in it", () => {
    for (const text of [
      `Hi Jo, I was unable to deliver to the following recipients, due to the outage at the provider: k.ames@brightside.example, l.ord@brightside.example. Resent this morning.`,
      `Update: we were unable to deliver message to the following recipients, due to the relay outage (451 4.4.0 DNS temporary failure):
  k.ames@brightside.example
  l.ord@brightside.example`,
      `Status: Unable to deliver message to the following recipients, due to the outage (421 4.4.2): k.ames@brightside.example`,
    ])
      expect(findBounces(text)).toEqual([]);
  });

  it("Exchange's 'Remote Server returned' reply cut off by a truncated paste still gives its status", () => {
    const text = `Your message to m.ellery@tarnfield.example couldn't be delivered.

Diagnostic information for administrators:
Generating server: DB7PR02MB5566.eurprd02.prod.outlook.com
m.ellery@tarnfield.example
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException; Failed to process message due to a perm
[message truncated]`;
    expect(recipients(text)).toEqual([['m.ellery@tarnfield.example', 'mailboxfull', '5.2.2']]);
  });

  it('an address with the next line\'s word glued on ("x@y.exampleThe e-mail ...") is read without it', () => {
    const text = `Delivery has failed to these recipients or groups:r.penn@oakmere.exampleThe e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.

Diagnostic information for administrators:

Generating server: EXC3.hallam.example

r.penn@oakmere.example
#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`;
    expect(recipients(text)).toEqual([['r.penn@oakmere.example', 'userunknown', '5.1.1']]);
  });

  it('a reply code glued to its recipient\'s "<addr>:" by a lost line break (Yahoo)', () => {
    const text = `Sorry, we were unable to deliver your message to the following address.<gone4good@yahoo.example>:554: delivery error: dd This user doesn't have a yahoo.com account (gone4good@yahoo.example) [0] - mta1200.mail.bf1.yahoo.example--- Below this line is a copy of the message.`;
    expect(recipients(text)).toEqual([['gone4good@yahoo.example', 'userunknown', null]]);
  });
});

describe('what an agent writes around or about a report is not read as one', () => {
  it("an agent retelling Exchange's cut-off reply is no bounce; the cut-off form needs the report around it", () => {
    const note = `Looked at the bounce. The server said Remote Server returned '552 5.2.2 quota exceeded so I bumped the limit for tessa@brackley.example`;
    expect(findBounces(note)).toEqual([]);
  });

  it("Gmail's opening sentence needs its stop: an agent's words after the address make no card", () => {
    for (const text of [
      `There was a problem delivering your message to owen@kestrel-farm.example so I sent it again from my phone`,
      `Your message wasn't delivered to ivy@kestrel-farm.example because I left a letter out, my mistake`,
    ])
      expect(findBounces(text), text).toEqual([]);
  });

  it("a Gmail card that lost its stop is still read when the server's response follows", () => {
    const text = `Address not found

Your message wasn't delivered to n.crane@pollard-mills.example because the address couldn't be found

The response from the remote server was:
550 5.1.1 <n.crane@pollard-mills.example>: Recipient address rejected: User unknown`;
    expect(recipients(text)).toEqual([['n.crane@pollard-mills.example', 'userunknown', '5.1.1']]);
    expect(recipients(text.replace(/\n\n/g, '\n'))).toEqual([
      ['n.crane@pollard-mills.example', 'userunknown', '5.1.1'],
    ]);
  });

  it('real recipients whose last label mixes cases are kept whole', () => {
    for (const addr of ['info@harwick.nET', 'Lou.Grey@Grey-Partners.orG', 'ops@site.officeLan']) {
      const text = `Delivery has failed to these recipients or groups:

${addr}
The email address you entered couldn't be found.

Diagnostic information for administrators:
Generating server: MX2.tollgate.example
${addr}
Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'`;
      expect(recipients(text), addr).toEqual([[addr, 'userunknown', '5.1.1']]);
    }
  });

  it("the Windows SMTP clause is read only right after the notification's opening line", () => {
    const text = `This is an automatically generated Delivery Status Notification.

Unable to deliver message to the following recipients, due to being unable to connect successfully to the destination mail server.

       depot@saxby-freight.example

Checked with the carrier this morning. Unable to deliver message to the following recipients, due to the relay being down: clerk@saxby-freight.example`;
    expect(recipients(text)).toEqual([['depot@saxby-freight.example', 'networkerror', null]]);
  });

  it('"Mailbox for user x in domain y could not be found" is an unknown user, not an unknown domain', () => {
    const text = `Delivery has failed to these recipients or groups:

h.vance@sedgewick.example

Diagnostic information for administrators:
Generating server: EX2.sedgewick.example
h.vance@sedgewick.example
Remote Server returned '550 5.1.1 Mailbox for user h.vance in domain sedgewick.example could not be found'`;
    expect(recipients(text)).toEqual([['h.vance@sedgewick.example', 'userunknown', '5.1.1']]);
  });
});
