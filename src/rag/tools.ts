/**
 * "With which program were the sessions streamed", "с помощью какой программы", "ما البرنامج
 * المستخدم": a program, a platform or an application used for something is a tool, named by a
 * product's name ("gotoWebinar"), not a body — though "which programme" may ask for a body
 * ("which UN programme funds it").
 */
import type { Lang } from '../i18n/index.ts';

const USED_TOOL: Record<Lang, RegExp> = {
  en: /\b(?:program|programme|software|tool|platform|application|app)s?\b.*\b(?:used|using|use)\b|\b(?:used|using|use)\b.*\b(?:program|software|tool|platform|application)s?\b/,
  fr: /\b(?:logiciel|programme|outil|plateforme|application)s?\b.*\b(?:utilis|servi)|\b(?:à l'aide de|au moyen de|avec) quel(?:le)?s? (?:logiciel|programme|outil|plateforme|application)/,
  es: /\b(?:programa|software|herramienta|plataforma|aplicaci[óo]n)(?:s|es)?\b.*\b(?:us[óoa]|usad|utiliz|emple)|\b(?:con|mediante) qu[ée] (?:programa|software|herramienta|plataforma|aplicaci[óo]n)/,
  ru: /(?:с помощью|при помощи|посредством|через) как(?:ой|ого|ую|ие|их) (?:программ|платформ|приложени|сервис|инструмент)|(?:программ|платформ|приложени)\p{L}* (?:\p{L}+ )?(?:использ|примен)/u,
  ar: /(?:البرنامج|برنامج|المنصة|منصة|التطبيق|الأداة) (?:ال)?مستخدم|(?:باستخدام|بواسطة|عبر) (?:أي|اي) (?:برنامج|منصة|تطبيق|أداة)/,
  zh: /(?:用|使用|借助|通过|利用)(?:了)?(?:什么|哪个|哪种|哪款)(?:软件|平台|工具|程序|应用)/,
};

/** Whether the question asks which program, platform or application was used (a tool, not a body). */
export function asksForTool(text: string, lang: Lang): boolean {
  return USED_TOOL[lang].test(text);
}
