import { describe, expect, it } from 'vitest';
import { citationAffirmed, citationAside } from '../../../src/core/match/citation-role';

/** The role of the one citation written between [ and ] in `marked`. */
const role = (marked: string) => {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return citationAside(marked.replace('[', '').replace(']', ''), start, end);
};

describe('what a ticket says about a KB number it cites', () => {
  it.each([
    'Please look at [Q227142], our connector shows the same thing.',
    'Per [KB 227142] we should apply SP3 to the connector server.',
    'Closing: this is [Q183588], the customer applied the workaround.',
    'IMS will not start. I think it is [KB203116] but the event IDs differ.',
    'Found [KB 247616], looks like ours.',
    '[mskb 183801] says the IMS does not work with X.400 addresses.',
    'We should install [Q299444] this weekend.',
    'Can we apply the hotfix from [Q310625] tonight?',
    'we followed [Q320702] and the journal copies still bounce',
    'Have you tried [Q183588]? It describes the same event.',
    // This ticket's own calls and updates are no other case.
    'As discussed on our last call, please install [KB 123456] on the server.',
    'As agreed on the previous call, [KB 123456] is the fix.',
    'Per the last ticket update, [KB 123456] should fix it.',
    '[KB 123456] applies, as I said on the previous call.',
  ])('the ticket is about it: %s', (text) => expect(role(text)).toBeUndefined());

  it.each([
    'The event log is full of these (see also [KB 169283], which we already looked at).',
    'We already tried [Q183588].',
    'The vendor says it is [KB Q169125] but that does not match.',
    "The vendor says it's [Q169125] but that doesn't match our error.",
    '[KB 227142] did not help.',
    'Tried [KB 128420] already, no luck.',
    'We tried [Q128420] last week.',
    'We tried [Q128420] but it has not resolved anything.',
    'Is [KB 248281] the right article? That one is about something else I think.',
    'Is [KB 248281] the right article? It does not apply to IIS 5.',
    'It is not [Q183588], the event IDs are different.',
    '[Q178511] (unrelated) came up in the search too.',
  ])('set aside: %s', (text) => expect(role(text)).toBe('ruled-out'));

  it.each([
    'After we installed [Q299444] the password page fails.',
    'After we installed Q299444 (the SRP) and the [Q301625] patch, the password page fails.',
    'Since applying the hotfix from [KB 310625], users cannot log on.',
    '[Q310625] is installed on both nodes.',
    '[Q310625] was applied last week.',
    'Logon did not work after we installed [Q299444].',
  ])('an update the system already runs: %s', (text) => expect(role(text)).toBe('installed'));

  it.each([
    'We tried [KB 2919355] and it fixed the issue.',
    'Tried [Q183588], which solved it.',
    'We already tried [Q128420] and that worked.',
  ])('a number the ticket tried with success is its explanation: %s', (text) => expect(role(text)).toBeUndefined());

  it.each([
    'After installing SP4 the error in [KB 245881] appears.',
    'Since we applied the patch we see the problem described in [Q245117].',
    'After deploying the new build, see [KB 227142] for the same event.',
  ])('an install before the article that describes the problem is not that article: %s', (text) =>
    expect(role(text)).toBeUndefined(),
  );

  it.each([
    'We have not installed [KB 2919355] yet.',
    "We haven't installed [Q299444] on the cluster.",
    'We never installed [KB 891861].',
    'The server never had [Q299444] applied.',
    "The cluster doesn't have [Q310625] installed.",
  ])('an update the ticket says is missing is the advice, not the system: %s', (text) =>
    expect(role(text)).toBeUndefined(),
  );

  it('reads only its own sentence: another sentence denying something else does not set it aside', () => {
    expect(role('See [Q227142]. The connector does not start since Friday.')).toBeUndefined();
    expect(role('[KB 183588] says the server does not work with IPX.')).toBeUndefined();
  });
});

describe("an agent's shorthand about cited numbers", () => {
  it.each([
    'Search turned up Q245117 and [KB 230663] but those are about other store events.',
    'Search turned up [Q245117] and KB 230663 but those are about other store events.',
    'Earlier tickets referenced [Q181423] and Q183795 but they do not apply here.',
    'Checked [Q171234] (ntfs.sys, not ours) and Q178899 because the dump was missing.',
    '[Q180012] came up in search too, unrelated (print spooler).',
    'The customer also asked about [Q150011] on another call, ignore that here.',
    "The customer's previous case was [Q144321] (slow logon) - closed.",
    'We had a similar DHCP thing last month, see [Q169289] - but this one is a new subnet.',
    'This is not the same as the lease problem in [Q176543] we saw before.',
    'Read [KB 196024] - that one is about the IIS 4 admin pages, not this.',
    'L2 suggests [Q189998] per a forum post, but that is about the Validate event - doubtful.',
    'Ruled out: [Q260001] (IMS starts fine), Q260002 (no accents).',
    'Ruled out: Q260001 (IMS starts fine), [Q260002] (no accents).',
    'Also [Q167000] mentions a Proprinter - different printer, ignore.',
    '[Q174961] (client services upgrade - different issue, that is for the other ticket), Q174328.',
  ])('set aside: %s', (text) => expect(role(text)).toBe('ruled-out'));

  it.each([
    'Related: Q174961 (client services upgrade - different issue, that is for the other ticket), [Q174328].',
    '[Q183588] describes unrelated services failing at boot, exactly like ours.',
    '[Q262466] looks right, the other events are unrelated.',
    '[Q262466] looks right; the 8006 events are unrelated.',
    'See [Q227142] and Q227143, both describe our connector.',
    'The previous admin left no notes. [Q245431] matches the zero-byte file exactly.',
  ])('still the subject: %s', (text) => expect(role(text)).toBeUndefined());
});

describe('the one of several cited numbers the ticket says is its case', () => {
  /** Whether the citation between [ and ] is affirmed. */
  const affirmed = (marked: string) => {
    const start = marked.indexOf('[');
    const end = marked.indexOf(']') - 1;
    return citationAffirmed(marked.replace('[', '').replace(']', ''), start, end);
  };
  it.each([
    'Found Q245117 and Q230663 too, but [Q183588] matches the event pair exactly.',
    'Looks like [KB 183588] describes our store events precisely.',
    'The vendor sent three numbers. [Q227142] is the one.',
    'I think [Q227142] is our issue, the others are for 5.0.',
    'The vendor sent Q181423, Q183795 and Q183796; only [Q183795] applies to our build.',
    '[Q227142] (the connector one) looks like exactly our problem.',
    'Vendor listed three. [Q227142] is it.',
    '[KB 123456] looks like it applies here.',
  ])('affirmed: %s', (text) => expect(affirmed(text)).toBe(true));

  it.each([
    'Is [Q227142] the one?',
    '[Q227142] matches the text exactly, but not our version.',
    '[Q227142] describes the same event, not sure about the cause.',
    'See [Q227142] for the connector.',
    '[Q227142] applies to Exchange 5.0 and 5.5.',
    "[Q183588] doesn't match exactly.",
    // "it" as the subject of a description, not "that's it".
    '[KB 123456] seems like it only applies to NT 4.0 SP3.',
    '[KB 123456] looks like it is for Outlook 98, we run 2000.',
  ])('not affirmed: %s', (text) => expect(affirmed(text)).toBe(false));
});

describe('a number the ticket writes off further along its clause, and the one it keeps', () => {
  const affirmed = (marked: string) => {
    const start = marked.indexOf('[');
    const end = marked.indexOf(']') - 1;
    return citationAffirmed(marked.replace('[', '').replace(']', ''), start, end);
  };
  it.each([
    'I read [Q100201] but there is no crash dialog here, so that one does not apply; Q100202 fits.',
    "Looked at [KB 100201] first, that one's about a different service.",
    'Checked [Q100201] first (wrong, that is the FoxPro one), the right one is Q100202.',
    '[KB 100201] - wrong, no report involved.',
  ])('set aside: %s', (text) => expect(role(text)).toBe('ruled-out'));

  it.each([
    '[Q100201] describes the error, that we cannot fix without a reboot.',
    '[Q100201] says the service stops, so that one should be our fix.',
    '[KB 100201] matches, but it does not work after SP4 here.',
    '[Q100201] shows the wrong date in the header.',
  ])('still the subject: %s', (text) => expect(role(text)).toBeUndefined());

  it.each([
    'I looked at Q100201 but it does not apply; [Q100202] matches better.',
    'Checked Q100201 first, the right one is [Q100202].',
    'The correct article is [KB 100202].',
    'Q100201 is close, but [Q100202] is a better match.',
  ])('affirmed: %s', (text) => expect(affirmed(text)).toBe(true));

  it.each(['Is the right one [Q100202]?', 'The right one is [Q100202], but not for our version.'])(
    'not affirmed: %s',
    (text) => expect(affirmed(text)).toBe(false),
  );
});

describe('what trying a cited number came to, further along its clause', () => {
  it.each([
    "Raj said [Q100301] might be related but it didn't change anything.",
    "[KB 100301] was suggested by a colleague - no good, doesn't apply.",
    'We applied the registry change from [Q100301], made no difference.',
    'Followed [KB 100301] step by step, to no avail.',
    'Tried [Q100301] and Q100302, neither helped.',
    'Went through [Q100301] twice, same error after the reboot.',
    "Someone pointed me to [Q100301], didn't help.",
  ])('set aside: %s', (text) => expect(role(text)).toBe('ruled-out'));

  it.each([
    '[KB 100301] matches, but it does not work after SP4 here.',
    '[Q100301] says the change makes the service restart, and no change to the DNS is needed.',
    '[Q100301] describes the same error as ours.',
    'Per [Q100301] the workaround is to remove the key, the fix is in SP2.',
  ])('still the subject: %s', (text) => expect(role(text)).toBeUndefined());
});

describe('a denial belongs to the number it follows, and a success nearer the number is the verdict', () => {
  it.each([
    '[Q100301] fixed it and Q100302 made no difference',
    '[Q100301] solved it, same error as before is gone',
    '[Q100301] is the fix, we saw the same behaviour as before on other servers without it',
    '[KB 100301] fixed it',
    "Q100302 doesn't apply to us but [Q100301] does",
  ])('still the subject: %s', (text) => expect(role(text)).toBeUndefined());

  it.each([
    'Q100301 fixed it and [Q100302] made no difference',
    'Tried [Q100301] and it made no difference',
    '[Q100301] - no good for us',
    "[Q100301] doesn't apply to us but Q100302 does",
    'Tried [Q100301], same error as before.',
    'Applied [Q100301], still the same.',
  ])('set aside: %s', (text) => expect(role(text)).toBe('ruled-out'));
});
