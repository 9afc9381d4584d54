import type { Core } from '@strapi/strapi';
import { isSafeUrl } from '../../citations';
import { retractionOf } from '../../lookup/retraction';
import { closestSnapshot } from '../../lookup/wayback';
import { OutboundError } from '../../outbound/errors';
import type { SafeResponse } from '../../outbound/safe-fetch';
import { sourcesRepository, type LinkFindings, type RetractionFindings } from '../../repositories/sources';
import { ConflictError } from '../../utils/errors';
import { getService } from '../../utils/get-service';
import { PLUGIN_ID } from '../../../../shared/uids';
import { linkCheckSettings, lookupSettings } from '../../utils/source-settings';
import type { LinkStatus } from '../../citations';
import type { SourceRecord } from '../../content-types/records';
import type { LinkCheckSummary } from '../../../../shared/contracts';
import type { Retraction } from '../../lookup/retraction';

/** The link check's counts, as POST /sources/check-links sends them. */
export type LinkCheckReport = LinkCheckSummary;

/** What one request says about a link; a null status leaves the stored one as it is. */
export interface LinkVerdict {
  status: Exclude<LinkStatus, 'unchecked'> | null;
  httpStatus: number | null;
  redirectUrl: string | null;
}

/** A source as the link check reads it. */
export type LinkCheckRow = Pick<SourceRecord, 'id' | 'documentId' | 'url' | 'archiveUrl' | 'doi'>;

const LOCK = 'link-check';
/** The plugin-store key of the last scheduled run completed: its slot and end. */
const LAST_RUN_KEY = 'link-check-last-run';
/** A scheduled run's name: the minute its cron fired (the same on every instance for one firing). */
const slotOf = (at: number) => new Date(Math.floor(at / 60_000) * 60_000).toISOString();
const PAGE = 100;
/** Hosts checked side by side; each host still gets one request at a time. */
const HOSTS_AT_ONCE = 4;
/** The check needs the status only; a GET reads no more than this of the body. */
const PROBE_BYTES = 16 * 1024;
/** Answers that say "not now" rather than "gone": the link keeps its previous status. */
const TRY_LATER = new Set([408, 425, 429, 503]);
/** Servers that refuse or mishandle HEAD: ask again with GET before judging. */
const RETRY_WITH_GET = new Set([400, 403, 404, 405, 406, 500, 501]);

const verdictOf = (response: SafeResponse): LinkVerdict => {
  if (TRY_LATER.has(response.status)) return { status: null, httpStatus: response.status, redirectUrl: null };
  if (response.status >= 200 && response.status <= 299) {
    return response.redirects.length > 0
      ? { status: 'redirected', httpStatus: response.status, redirectUrl: response.url.slice(0, 2048) }
      : { status: 'ok', httpStatus: response.status, redirectUrl: null };
  }
  return { status: 'broken', httpStatus: response.status, redirectUrl: null };
};

/** Runs `work` for each group, `limit` groups at a time, the items of a group one after another. */
/** A row whose URL may be requested (an absolute http(s) URL), and one with a DOI. */
type WithUrl = LinkCheckRow & { url: string };
type WithDoi = LinkCheckRow & { doi: string };
const hasSafeUrl = (row: LinkCheckRow): row is WithUrl => isSafeUrl(row.url);

async function perGroup<T>(groups: Map<string, T[]>, limit: number, work: (item: T) => Promise<void>) {
  const queue = [...groups.values()];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const item of group) await work(item);
    }
  });
  await Promise.all(workers);
}

/** What a check found about one source, written at the end of its page. */
type Findings = LinkFindings & RetractionFindings & { archiveUrl?: string };

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

/**
 * The link and retraction check: for each source, its URL (HEAD, then GET when HEAD is refused),
 * an archived copy for a broken link that has none, and Crossref's record of its DOI. Polite:
 * one request at a time per host (the Wayback Machine and Crossref are hosts too), a User-Agent
 * naming the plugin, the outbound rules of every lookup. One run at a time across instances.
 */
export const createLinkCheck = ({ strapi }: { strapi: Core.Strapi }) => {
  const check = {
    async checkLinks({ documentIds }: { documentIds?: string[] } = {}): Promise<LinkCheckReport> {
      const release = await getService('platform', { strapi }).acquireLock(LOCK, linkCheckSettings(strapi).lockSeconds * 1000);
      if (!release) throw new ConflictError('A link check is running already; try again when it has finished.');
      try {
        return await check.checkAllLinks(documentIds);
      } finally {
        await release();
      }
    },

    /**
     * The cron task: the whole library, once per firing across instances. Every instance's cron fires
     * at the same minute, which names the run (`slot`); the instance that takes the lock runs it and
     * records the slot when done, and the others skip it (lock held, or slot already done). One that
     * found the lock held looks again once that lock has expired: if its holder was killed mid-run,
     * the run is taken over then, within the period; if it finished, the slot is done and skipped.
     */
    /** `slot`: the firing this run belongs to (the minute the cron fired, by default now's). */
    async runScheduledLinkCheck(slot: string = slotOf(Date.now())): Promise<void> {
      const lockMs = linkCheckSettings(strapi).lockSeconds * 1000;
      const release = await getService('platform', { strapi }).acquireLock(LOCK, lockMs);
      if (!release) {
        strapi.log.info('[cited-articles] link check: another instance runs it; looking again when its lock expires');
        setTimeout(() => void check.runScheduledLinkCheck(slot), lockMs + 1000).unref();
        return;
      }
      try {
        const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
        const last = (await store.get({ key: LAST_RUN_KEY })) as { slot?: string } | null;
        if (last?.slot && last.slot >= slot) {
          strapi.log.info(`[cited-articles] link check of ${slot} skipped: another instance ran it`);
          return;
        }
        const report = await check.checkAllLinks();
        await store.set({ key: LAST_RUN_KEY, value: { slot, finishedAt: new Date().toISOString() } });
        strapi.log.info(`[cited-articles] link check: ${JSON.stringify(report)}`);
      } catch (error) {
        strapi.log.error(`[cited-articles] link check failed: ${(error as Error).message}`);
      } finally {
        await release();
      }
    },

    async checkAllLinks(documentIds?: string[]): Promise<LinkCheckReport> {
      const report: LinkCheckReport = { checked: 0, ok: 0, redirected: 0, broken: 0, archived: 0, retracted: 0 };
      const sources = sourcesRepository(strapi);
      // Pages by id, so that a large library is never held in memory at once.
      for (let lastId = 0; ;) {
        const rows: LinkCheckRow[] = await sources.linkCheckPage(lastId, PAGE, documentIds);
        if (rows.length === 0) break;
        lastId = rows[rows.length - 1].id;
        await check.checkLinkPage(rows, report);
      }
      return report;
    },

    async checkLinkPage(rows: LinkCheckRow[], report: LinkCheckReport): Promise<void> {
      const sources = sourcesRepository(strapi);
      const updates = new Map<number, Findings>(rows.map((row) => [row.id, {}]));

      const withUrl = new Map<string, WithUrl[]>();
      for (const row of rows) {
        if (!hasSafeUrl(row)) continue;
        const host = hostOf(row.url);
        withUrl.set(host, [...(withUrl.get(host) ?? []), row]);
      }
      const broken: WithUrl[] = [];
      const withDoi = rows.filter((row): row is WithDoi => typeof row.doi === 'string' && row.doi.trim() !== '');

      // Links, then the follow-up questions: each service is one host, asked one request at a time.
      await perGroup(withUrl, HOSTS_AT_ONCE, async (row) => {
        const verdict = await check.checkLink(row.url);
        report.checked += 1;
        if (verdict.status === null) return;
        report[verdict.status] += 1;
        Object.assign(updates.get(row.id)!, {
          linkStatus: verdict.status,
          linkHttpStatus: verdict.httpStatus,
          linkRedirectUrl: verdict.redirectUrl,
          linkCheckedAt: new Date(),
        });
        if (verdict.status === 'broken' && !row.archiveUrl) broken.push(row);
      });
      await perGroup(
        new Map<string, LinkCheckRow[]>([
          ['wayback', broken],
          ['crossref', withDoi],
        ]),
        2,
        async (row) => {
          const update = updates.get(row.id)!;
          // The same row object as in `broken` or `withDoi`, typed as such (a row can be in both).
          const brokenRow = broken.find((item) => item === row);
          const doiRow = withDoi.find((item) => item === row);
          if (brokenRow && !('archiveUrl' in update)) {
            const archiveUrl = await check.findArchivedCopy(brokenRow.url);
            if (archiveUrl) {
              update.archiveUrl = archiveUrl;
              report.archived += 1;
            }
          }
          if (doiRow && !('retracted' in update)) {
            const retraction = await check.findRetraction(doiRow.doi.trim());
            if (retraction === undefined) return;
            Object.assign(update, {
              retracted: retraction !== null,
              retractionDoi: retraction?.noticeDoi ?? null,
              retractionDate: retraction?.date ?? null,
            });
            if (retraction) report.retracted += 1;
          }
        }
      );

      // Written without marking the sources as edited, each only while the source still holds what
      // was checked (see repositories/sources.ts).
      for (const row of rows) {
        const { archiveUrl, retracted, retractionDoi, retractionDate, ...link } = updates.get(row.id)!;
        if (Object.keys(link).length > 0) await sources.recordLinkFindings(row, link);
        if (archiveUrl !== undefined) await sources.setArchiveIfNone(row, archiveUrl);
        if (retracted !== undefined) await sources.recordRetraction(row, { retracted, retractionDoi, retractionDate });
      }
    },

    /** HEAD, then GET when HEAD is refused or mishandled. */
    async checkLink(url: string): Promise<LinkVerdict> {
      const outbound = getService('platform', { strapi });
      try {
        const head = await outbound.fetch(url, { method: 'HEAD' });
        if (!RETRY_WITH_GET.has(head.status)) return verdictOf(head);
        return verdictOf(await outbound.fetch(url, { method: 'GET', maxBytes: PROBE_BYTES }));
      } catch (error) {
        if (!(error instanceof OutboundError)) throw error;
        // No answer (DNS, connection, timeout) or an address we may not fetch: readers cannot follow it either.
        return { status: 'broken', httpStatus: null, redirectUrl: null };
      }
    },

    /** The Wayback Machine's closest snapshot of `url`, or null (none, or the service failed). */
    async findArchivedCopy(url: string): Promise<string | null> {
      const { waybackApi } = lookupSettings(strapi);
      try {
        const answer = await getService('platform', { strapi }).fetchJson(
          `${waybackApi}/wayback/available?${new URLSearchParams({ url })}`,
          'The Wayback Machine'
        );
        return closestSnapshot(answer);
      } catch (error) {
        strapi.log.warn(`[cited-articles] link check: no archived copy of ${url}: ${(error as Error).message}`);
        return null;
      }
    },

    /** Crossref's retraction of `doi`: null when none, undefined when Crossref could not be asked. */
    /** null when the work has no retraction, undefined when Crossref could not be asked. */
    async findRetraction(doi: string): Promise<Retraction | null | undefined> {
      const { crossrefApi } = lookupSettings(strapi);
      const outbound = getService('platform', { strapi });
      const path = doi.split('/').map(encodeURIComponent).join('/');
      try {
        const work = await outbound.fetchJson(`${crossrefApi}/works/${path}`, 'Crossref');
        if (work === null) return null;
        const direct = retractionOf(doi, work);
        if (direct) return direct;
        const query = new URLSearchParams({ filter: `updates:${doi}`, rows: '20' });
        const updates = await outbound.fetchJson(`${crossrefApi}/works?${query}`, 'Crossref');
        return retractionOf(doi, work, updates);
      } catch (error) {
        strapi.log.warn(`[cited-articles] link check: Crossref not asked about ${doi}: ${(error as Error).message}`);
        return undefined;
      }
    },
  };
  return check;
};
