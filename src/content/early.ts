import { adoptEarlySheet } from './early-sheet';

// Registered at document_start on the sites that are on (sites.ts); see early-sheet.ts for why.
adoptEarlySheet(document);
