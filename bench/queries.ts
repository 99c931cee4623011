/**
 * The 50 popup queries of the search benchmark, typed one character at a time. A mix of what an
 * agent types: error texts, products with versions, file names, KB numbers in several forms, hex
 * and status codes, and misspellings.
 */
export const QUERIES: readonly string[] = [
  // error and NDR texts
  'Unable to deliver the message due to a communications failure',
  'communications failure',
  'The RPC server is unavailable',
  'Windows Sockets Error',
  'The specified module could not be found',
  'Operation is not allowed when the object is closed',
  "ActiveX component can't create object",
  'The information store could not be opened',
  'Access violation',
  'No transport provider was available',
  'The recipient name is not recognized',
  'cc:Mail attachment NDR',
  // products and versions
  'Exchange Server 5.5 SP3',
  'Windows NT 4.0 Service Pack 6a',
  'Outlook 98 Internet Mail',
  'SQL Server 7.0 ODBC',
  'IIS 4.0 ASP',
  'Office 2000 SR-1',
  'Visual Basic 6.0 run-time error 429',
  'FrontPage 2000 server extensions',
  'Internet Mail Service',
  // file names, with and without versions
  'store.exe 5.5.2591',
  'msexcimc.exe',
  'dsamain.exe',
  'ntoskrnl.exe',
  'mapi32.dll',
  // KB numbers in several forms
  'Q227142',
  'KB 191014',
  'kb227142',
  '227142',
  'support.microsoft.com/kb/191014',
  'Q128961',
  // hex and status codes
  '0x800CCC0E',
  '0x8004010F',
  'c1041724',
  'STOP 0x0000001E',
  '5.1.1 user unknown',
  '554 5.7.1 unable to relay',
  'Error 1067',
  'MAPI_E_NOT_FOUND',
  'Event ID 1000',
  "Run-time error '3704'",
  // misspellings
  'comunication failur',
  'outlok expres pop3',
  'exchnage servr',
  'informaton stor',
  'recipent not found',
  'acess denid',
  'windos sockts',
  'servise pack',
];
