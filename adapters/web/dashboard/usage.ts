/**
 * Usage figures on the dashboard: the last twelve weeks (Mondays, UTC), every week listed, a quiet
 * one as zeros — people active, questions and those answered — and the same period by platform and
 * workspace (named by WORKSPACE_NAMES). The page draws them as charts with a table beside.
 */
import express from 'express';
import { weekStart, workspaceName } from '../../../src/features/stats/handle-stats.ts';
import type { App } from '../../../src/main.ts';
import type { Lang } from '../../../src/i18n/index.ts';
import { dashboardLocals } from './context.ts';
import { weeklyFigures, workspaceFigures, type WeekFigures, type WorkspaceFigures } from '../../../src/store/usage-figures.ts';

export const USAGE_WEEKS = 12;

export interface UsageSeries {
  /** The Mondays (UTC) of the weeks, oldest first, as `YYYY-MM-DD`. */
  weeks: string[];
  active: number[];
  questions: number[];
  answered: number[];
}

/** Twelve weeks ending with the one `now` is in; weeks without a figure count zero. */
export function usageSeries(now: Date, figures: WeekFigures[], weeks = USAGE_WEEKS): UsageSeries {
  const series: UsageSeries = { weeks: [], active: [], questions: [], answered: [] };
  for (let i = weeks - 1; i >= 0; i--) {
    const start = weekStart(now, i);
    const week = figures.find((f) => f.week.getTime() === start.getTime());
    series.weeks.push(start.toISOString().slice(0, 10));
    series.active.push(week?.active ?? 0);
    series.questions.push(week?.questions ?? 0);
    series.answered.push(week?.answered ?? 0);
  }
  return series;
}

function workspaceJson(w: WorkspaceFigures, names: ReadonlyMap<string, string>, lang: Lang): Record<string, unknown> {
  return { platform: w.platform, workspaceId: w.workspaceId, name: workspaceName(w, names, lang), active: w.active, questions: w.questions, answered: w.answered };
}

export function usageRoutes(app: App): express.Router {
  const router = express.Router();
  const { db } = app.services.store;

  router.get('/', async (_req, res) => {
    const { lang } = dashboardLocals(res);
    const now = app.services.now();
    const from = weekStart(now, USAGE_WEEKS - 1);
    const [weeks, workspaces] = await Promise.all([weeklyFigures(db, from), workspaceFigures(db, from)]);
    res.json({ from: from.toISOString(), series: usageSeries(now, weeks), workspaces: workspaces.map((w) => workspaceJson(w, app.services.config.workspaceNames, lang)) });
  });

  return router;
}
