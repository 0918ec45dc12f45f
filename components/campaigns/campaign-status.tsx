// A campaign's status, progress bar and pace in the same words everywhere (list, page, wizard).
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import type { CampaignCounts, CampaignStatus } from '@/server/domain/campaigns/campaign.schema';

const TONE = { draft: 'neutral', scheduled: 'accent', running: 'accent', stopped: 'warning', completed: 'success', cancelled: 'neutral' } as const;
export const CAMPAIGN_STATUS_LABEL: Record<CampaignStatus, string> = { draft: 'Draft', scheduled: 'Scheduled', running: 'Running', stopped: 'Stopped', completed: 'Completed', cancelled: 'Cancelled' };
export const CAMPAIGN_STATUS_OPTIONS = (Object.keys(CAMPAIGN_STATUS_LABEL) as CampaignStatus[]).map((value) => ({ value, label: CAMPAIGN_STATUS_LABEL[value] }));

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge tone={TONE[status]} className="gap-1.5">
      {status === 'running' && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-accent-600" />}
      {CAMPAIGN_STATUS_LABEL[status]}
    </Badge>
  );
}

/** Settled over total as a bar: sent in green, failed and invalid in red, in the order they happened to matter. */
export function CampaignProgress({ label, progress, counts, size = 'md', className }: { label: string; progress: number; counts: CampaignCounts; size?: 'sm' | 'md'; className?: string }) {
  const pct = Math.round(progress * 1000) / 10;
  const total = counts.total || 1;
  const failedPct = ((counts.failed + counts.invalid) / total) * 100;
  const sentPct = Math.max(0, Math.min(100, progress * 100 - failedPct));
  return (
    <div className={cx('min-w-0', className)}>
      <div
        className={cx('flex overflow-hidden rounded-full bg-zinc-200', size === 'sm' ? 'h-1.5' : 'h-3')}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct} % (${counts.sent.toLocaleString('en')} sent of ${counts.total.toLocaleString('en')})`}
      >
        <div className="h-full bg-emerald-600 transition-[width] duration-500" style={{ width: `${sentPct}%` }} />
        {failedPct > 0 && <div className="h-full bg-red-500 transition-[width] duration-500" style={{ width: `${failedPct}%` }} />}
      </div>
    </div>
  );
}

export const dateTime = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
