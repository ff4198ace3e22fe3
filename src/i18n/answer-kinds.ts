/**
 * How the lead of an answer is introduced in the reader's language, by the kind of answer it is:
 * "Amount: 56 847 francs suisses", "Date : 3 avril 2025" — the fact itself stays as written in
 * the source.
 */
import type { Lang } from './langs.ts';

export type LeadKind = 'contact' | 'amount' | 'percentage' | 'duration' | 'number' | 'date' | 'person' | 'organisation' | 'place' | 'language' | 'row';

const LABELS: Record<Lang, Record<LeadKind, string>> = {
  en: { contact: 'Contact', amount: 'Amount', percentage: 'Share', duration: 'Duration', number: 'Number', date: 'Date', person: 'Person', organisation: 'Organisation', place: 'Place', language: 'Language', row: 'Row' },
  fr: { contact: 'Contact', amount: 'Montant', percentage: 'Part', duration: 'Durée', number: 'Nombre', date: 'Date', person: 'Personne', organisation: 'Organisation', place: 'Lieu', language: 'Langue', row: 'Ligne' },
  es: { contact: 'Contacto', amount: 'Importe', percentage: 'Proporción', duration: 'Duración', number: 'Número', date: 'Fecha', person: 'Persona', organisation: 'Organización', place: 'Lugar', language: 'Idioma', row: 'Fila' },
  ru: { contact: 'Контакт', amount: 'Сумма', percentage: 'Доля', duration: 'Продолжительность', number: 'Число', date: 'Дата', person: 'Человек', organisation: 'Организация', place: 'Место', language: 'Язык', row: 'Строка' },
  ar: { contact: 'جهة الاتصال', amount: 'المبلغ', percentage: 'النسبة', duration: 'المدة', number: 'العدد', date: 'التاريخ', person: 'الشخص', organisation: 'الجهة', place: 'المكان', language: 'اللغة', row: 'السطر' },
  zh: { contact: '联系方式', amount: '金额', percentage: '比例', duration: '时长', number: '数量', date: '日期', person: '人员', organisation: '机构', place: '地点', language: '语言', row: '行' },
};

/** The lead line of an answer: its kind in the reader's language, then the fact as written. */
export function leadLine(kind: LeadKind, fact: string, lang: Lang): string {
  const separator = lang === 'fr' ? ' : ' : lang === 'zh' ? '：' : ': ';
  return `${LABELS[lang][kind]}${separator}${fact}`;
}
