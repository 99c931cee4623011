import type { MatchKind, Verdict } from '../messaging/protocol';
import { t } from './i18n';

export function kindLabel(kind: MatchKind): string {
  return kind === 'q' ? t('kindQ') : kind === 'ndr' ? t('kindNdr') : kind === 'build' ? t('kindBuild') : t('kindError');
}

export function KindBadge({ kind }: { kind: MatchKind }) {
  return <span class={`badge kind-${kind}`}>{kindLabel(kind)}</span>;
}

export function verdictLabel(verdict: Verdict): string {
  return verdict === 'affected'
    ? t('verdictAffected')
    : verdict === 'fixed'
      ? t('verdictFixed')
      : verdict === 'not-affected'
        ? t('verdictNotAffected')
        : t('verdictUnknown');
}

export function VerdictBadge({ verdict, reason }: { verdict: Verdict; reason?: string | undefined }) {
  return (
    <span class={`badge verdict-${verdict}`} title={reason} data-verdict={verdict}>
      {verdictLabel(verdict)}
    </span>
  );
}

/** An article listed on thin evidence (rank.ts `confidence`); `why` says what it rests on. */
export function LowConfidenceBadge({ why }: { why?: string | undefined }) {
  return (
    <span class="badge low-confidence" title={why} data-confidence="low">
      {t('lowConfidence')}
    </span>
  );
}

export function LockedNote() {
  return <span class="badge locked">{t('setByAdmin')}</span>;
}
