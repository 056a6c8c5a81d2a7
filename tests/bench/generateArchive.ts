import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bulletin } from '../../preload/contract';
import { SCHEMA_VERSION, emptyState } from '../../main/store/schema';
import { random } from '../support/random';

/**
 * A deterministic archive of N bulletins in English, Spanish and French with
 * realistic sizes (title 8–14 words, summary 40–80, half with a body of
 * 200–600), so every benchmark run measures the same bytes.
 */

const WORDS: Record<'en' | 'es' | 'fr', string[]> = {
  en: `migration migrants border reception station government support protection children families
    community health shelter asylum refugees return reintegration labour workers rights training data
    response emergency assistance displacement climate regional cooperation dialogue campaign information
    municipality province district authorities partners programme project capacity building road route
    journey safety trafficking smuggling consular staff women adolescents youth school water food
    vaccination pandemic recovery livelihoods integration policy strategy report survey network office`.split(
    /\s+/,
  ),
  es: `migración migrantes frontera estación recepción gobierno apoyo protección niños niñas familias
    comunidad salud albergue asilo refugiados retorno reintegración trabajo trabajadores derechos
    capacitación datos respuesta emergencia asistencia desplazamiento clima cooperación regional diálogo
    campaña información municipio provincia distrito autoridades socios programa proyecto capacidades
    ruta viaje seguridad trata tráfico personal consular mujeres adolescentes jóvenes escuela agua
    alimentos vacunación pandemia recuperación medios integración política estrategia informe encuesta`.split(
    /\s+/,
  ),
  fr: `migration migrants frontière station accueil gouvernement soutien protection enfants familles
    communauté santé abri asile réfugiés retour réintégration travail travailleurs droits formation
    données réponse urgence assistance déplacement climat coopération régionale dialogue campagne
    information municipalité province district autorités partenaires programme projet capacités route
    voyage sécurité traite trafic personnel consulaire femmes adolescents jeunes école eau nourriture
    vaccination pandémie relance moyens intégration politique stratégie rapport enquête réseau bureau`.split(
    /\s+/,
  ),
};

const COUNTRIES = [
  'Panamá',
  'Costa Rica',
  'Honduras',
  'Guatemala',
  'El Salvador',
  'Belize',
  'México',
  'Nicaragua',
  'Colombia',
  'Haïti',
  'República Dominicana',
  'Perú',
];
const SOURCES = [
  'IOM Panama',
  'IOM Costa Rica',
  'IOM Honduras',
  'Regional Office',
  'OIM México',
  'OIM Haïti',
];
const LANGUAGES = ['en', 'es', 'fr'] as const;

export function generateBulletins(count: number, seed = 42): Bulletin[] {
  const next = random(seed);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const words = (language: keyof typeof WORDS, n: number) =>
    Array.from({ length: n }, () => pick(WORDS[language])).join(' ');
  const sentence = (language: keyof typeof WORDS, n: number) => {
    const text = `${words(language, n - 1)} ${pick(COUNTRIES)}`;
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  return Array.from({ length: count }, (_, n) => {
    const language = pick(LANGUAGES);
    const title = sentence(language, between(8, 14));
    const summary = `${sentence(language, between(40, 80))}.`;
    const bodyHtml =
      n % 2 === 0
        ? Array.from({ length: 4 }, () => `<p>${sentence(language, between(50, 150))}.</p>`).join('\n')
        : undefined;
    const published = new Date(start + Math.floor(next() * span)).toISOString().slice(0, 10);
    const id = `bench-${seed}-${n}`;
    return {
      id,
      source: pick(SOURCES),
      title,
      summary,
      ...(bodyHtml ? { bodyHtml } : {}),
      link: `https://example.org/bulletins/${id}`,
      published,
      language,
      countries: [pick(COUNTRIES)],
      tags: [],
      importedAt: '2026-01-01T00:00:00.000Z',
      contentHash: createHash('sha256')
        .update(title + summary)
        .digest('hex'),
    };
  });
}

/** Writes bulletins as the store's monthly shards plus an empty state.json. */
export async function writeArchive(folder: string, bulletins: readonly Bulletin[]): Promise<void> {
  const byMonth = new Map<string, Bulletin[]>();
  for (const bulletin of bulletins) {
    const month = bulletin.published.slice(0, 7);
    const shard = byMonth.get(month) ?? [];
    shard.push(bulletin);
    byMonth.set(month, shard);
  }
  await mkdir(join(folder, 'bulletins'), { recursive: true });
  await Promise.all(
    [...byMonth].map(([month, shard]) =>
      writeFile(
        join(folder, 'bulletins', `${month}.json`),
        JSON.stringify({ schemaVersion: SCHEMA_VERSION, bulletins: shard }),
      ),
    ),
  );
  await writeFile(join(folder, 'state.json'), JSON.stringify(emptyState()));
}
