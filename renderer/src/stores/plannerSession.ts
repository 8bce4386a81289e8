/**
 * The review's planner session (shared/plan/session.ts), one for the page's life: loaded items
 * measured while idle, and the last plan's inputs and measured operations, so that a re-plan after
 * one edit measures only what changed. shared/ keeps no state; the renderer owns this one.
 */
import { PlannerSession } from '../../../shared/plan/session';

export const plannerSession = new PlannerSession();
