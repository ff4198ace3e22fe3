/** The shape of the dashboard's words: every key of the English reference, each a plain string. */
import type { en } from './en.ts';

export type DashboardKey = keyof typeof en;

/** Every language gives every key (the compiler checks each catalog against this). */
export type DashboardMessages = { readonly [K in DashboardKey]: string };
