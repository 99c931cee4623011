/** Version facts and comparisons: the one import for the matcher, the popup and the CLI. */
export { compareVersions, compareServicePacks, parseDotted } from './compare';
export {
  exchangeReleases,
  useReleaseTable,
  exchangeReleaseOfBuild,
  exchangeBuildOf,
  exchangeVersionOfMajor,
  type ExchangeRelease,
} from './exchange-builds';
export { findProductMentions, productOf, FAMILIES, type ProductMention, type ProductFamily } from './products';
export { findTicketVersions, type TicketVersions, type FileMention } from './ticket-versions';
export { withBuildReleases } from './ticket-builds';
export { verdictFor, productFit, articleProducts, type Verdict, type VerdictResult, type ProductFit } from './verdict';
export { ReleaseTable, versionKey, type ReleaseTableData, type BuildAnswer, type BuildQuery } from './release-table';
export { findBuildMatches, withBuildMatches, type BuildInfo } from './build-matches';
export { parseBuildQuery } from './build-query';
