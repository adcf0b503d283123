/**
 * LinkedIn's whole data-export archive (the ZIP from "Get a copy of your data"): its
 * Connections.csv and messages.csv are imported together, connections as people and messages
 * as dated `message` touches (at most one per person per day; only a short subject is kept,
 * never message content). Everything else in the archive is ignored.
 */
import { unzipSync } from 'fflate';
import { SYNC_NOTE_TABLES, type AllianceDb } from '@/utils/db/schema';
import { english } from '@/utils/i18n/english';
import type { Translator } from '@/utils/i18n/translator';
import type { Direction, Person, Touch } from '@/utils/model';
import { countLines, csvRows, isBlankRow } from './csv-rows';
import {
  applyConnections,
  parseConnectionsCsv,
  type ConnectionsFile,
  type ConnectionsImportResult,
  type SkippedLine,
} from './linkedin-connections';
import { parseLinkedInDate } from './linkedin-dates';
import { bulkPutWithProgress, CHUNK_ROWS, partOf, type ProgressListener } from './pacing';
import { loadPeopleIndex, putChangedPeople, wantedBy, type PeopleIndex } from './people-index';
import { historiesOf } from '@/utils/db/stored-person';
import { profileSlugFromUrl } from '@/utils/linkedin/urls';

/** The two files of an archive that Alliance Map reads; either may be missing. */
export interface LinkedInArchive {
  connectionsCsv: string | null;
  messagesCsv: string | null;
}

/** A read archive, or why it could not be read. */
export type ReadArchiveResult =
  { ok: true; archive: LinkedInArchive } | { ok: false; error: string };

/** Refuse to inflate a member larger than this: a real messages.csv is far smaller. */
const MAX_MEMBER_BYTES = 512 * 1024 * 1024;
const SUBJECT_MAX = 100;

function baseName(path: string): string {
  return (path.split('/').pop() ?? '').toLowerCase();
}

/** Finds Connections.csv and messages.csv anywhere in the ZIP (any case); never throws. */
export function readArchive(zipBytes: Uint8Array, t: Translator = english): ReadArchiveResult {
  const wanted = new Set(['connections.csv', 'messages.csv']);
  let tooLarge: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes, {
      filter: (file) => {
        if (!wanted.has(baseName(file.name))) return false;
        if (file.originalSize > MAX_MEMBER_BYTES) tooLarge = file.name;
        return file.originalSize <= MAX_MEMBER_BYTES;
      },
    });
  } catch {
    return { ok: false, error: t.t('import_notZip') };
  }
  if (tooLarge) return { ok: false, error: t.t('import_memberTooLarge', { file: tooLarge }) };
  const decoder = new TextDecoder('utf-8');
  const text = (name: string) => {
    const path = Object.keys(files)
      .filter((candidate) => baseName(candidate) === name)
      .sort()[0];
    return path === undefined ? null : decoder.decode(files[path]);
  };
  const archive = { connectionsCsv: text('connections.csv'), messagesCsv: text('messages.csv') };
  if (archive.connectionsCsv === null && archive.messagesCsv === null) {
    return { ok: false, error: t.t('import_neitherFile') };
  }
  return { ok: true, archive };
}

/** A day with someone in the messages: who, when (first message of the day), which way. */
export interface MessageTouch {
  line: number;
  slug: string | null;
  name: string;
  at: number;
  direction: Direction;
  subject: string;
}

/** A read messages.csv, or why it could not be read. */
export type MessagesFile =
  | { ok: true; touches: MessageTouch[]; skipped: SkippedLine[]; owner: string }
  | { ok: false; error: string };

interface Message {
  line: number;
  sender: Party;
  recipients: Party[];
  at: number;
  subject: string;
}

interface Party {
  slug: string | null;
  name: string;
}

const MESSAGE_COLUMNS = {
  from: 'from',
  senderUrl: 'sender profile url',
  to: 'to',
  recipientUrls: 'recipient profile urls',
  date: 'date',
  subject: 'subject',
  draft: 'is message draft',
} as const;

type MessageColumn = keyof typeof MESSAGE_COLUMNS;

function partyKey(party: Party): string {
  return party.slug ?? `name:${party.name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

function recipientsOf(toNames: string, urls: string): Party[] {
  const slugs = urls
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(profileSlugFromUrl);
  const names = toNames
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  // Names may contain commas; pair them with URLs only when the counts agree.
  if (slugs.length && slugs.length !== names.length)
    return slugs.map((slug) => ({ slug, name: '' }));
  if (!slugs.length) return names.length ? [{ slug: null, name: toNames.trim() }] : [];
  return names.map((name, index) => ({ slug: slugs[index] ?? null, name }));
}

function readMessages(
  text: string,
  onProgress: ProgressListener | undefined,
  t: Translator,
): { messages: Message[]; skipped: SkippedLine[] } | null {
  const messages: Message[] = [];
  const skipped: SkippedLine[] = [];
  const total = countLines(text);
  let columns: Partial<Record<MessageColumn, number>> | null = null;
  let seen = 0;
  for (const { cells, line } of csvRows(text)) {
    seen += 1;
    if (seen % CHUNK_ROWS === 0) {
      onProgress?.(seen, total);
    }
    if (!columns) {
      const names = cells.map((cell) => cell.trim().toLowerCase());
      const found: Partial<Record<MessageColumn, number>> = {};
      for (const [column, name] of Object.entries(MESSAGE_COLUMNS) as Array<
        [MessageColumn, string]
      >) {
        const index = names.indexOf(name);
        if (index !== -1) found[column] = index;
      }
      if (found.from === undefined || found.date === undefined) return null;
      columns = found;
      continue;
    }
    if (isBlankRow(cells)) continue;
    const get = (column: MessageColumn) => {
      const index = columns?.[column];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    if (get('draft').toLowerCase() === 'yes') {
      skipped.push({ line, reason: t.t('import_draft') });
      continue;
    }
    const at = parseLinkedInDate(get('date'));
    if (at === null) {
      skipped.push({ line, reason: t.t('import_noDate', { value: get('date').slice(0, 40) }) });
      continue;
    }
    const senderUrl = get('senderUrl');
    messages.push({
      line,
      sender: { slug: senderUrl ? profileSlugFromUrl(senderUrl) : null, name: get('from') },
      recipients: recipientsOf(get('to'), get('recipientUrls')),
      at,
      subject: get('subject').replace(/\s+/g, ' ').slice(0, SUBJECT_MAX),
    });
  }
  onProgress?.(total, total);
  return columns ? { messages, skipped } : null;
}

function localDay(epoch: number): string {
  const date = new Date(epoch);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * Reads messages.csv into message touches. The owner of the archive is the most frequent
 * sender unless `ownerName` says who it is; their messages are touches they gave.
 */
export function parseMessagesCsv(
  text: string,
  ownerName?: string,
  onProgress?: ProgressListener,
  t: Translator = english,
): MessagesFile {
  const read = readMessages(text, onProgress, t);
  if (!read) return { ok: false, error: t.t('import_notMessages') };
  const { messages, skipped } = read;
  const ownerKey = ownerName
    ? partyKey({ slug: null, name: ownerName })
    : mostCommon(messages.map((message) => partyKey(message.sender)));
  const isOwner = (party: Party) =>
    partyKey(party) === ownerKey ||
    (ownerName !== undefined && partyKey({ slug: null, name: party.name }) === ownerKey);

  const byPersonDay = new Map<string, MessageTouch>();
  let ownerLabel = ownerName ?? '';
  for (const message of messages) {
    const fromOwner = isOwner(message.sender);
    if (fromOwner && !ownerLabel) ownerLabel = message.sender.name;
    const others = fromOwner
      ? message.recipients.filter((party) => !isOwner(party))
      : [message.sender];
    if (!others.length) {
      skipped.push({ line: message.line, reason: t.t('import_onlyYou') });
      continue;
    }
    for (const other of others) {
      const key = `${partyKey(other)}|${localDay(message.at)}`;
      const direction: Direction = fromOwner ? 'gave' : 'received';
      const known = byPersonDay.get(key);
      if (!known) {
        byPersonDay.set(key, {
          line: message.line,
          ...other,
          at: message.at,
          direction,
          subject: message.subject,
        });
        continue;
      }
      if (known.direction !== direction) known.direction = 'both';
      if (message.at < known.at) known.at = message.at;
      known.subject ||= message.subject;
      known.name ||= other.name;
    }
  }
  return { ok: true, touches: [...byPersonDay.values()], skipped, owner: ownerLabel };
}

function mostCommon(keys: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const key of keys) {
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (best === undefined || count > (counts.get(best) ?? 0)) best = key;
  }
  return best;
}

/** What importing an archive did, file by file, with the lines skipped and why. */
export interface ArchiveImportResult {
  connections: ConnectionsImportResult | null;
  messages: { added: number; alreadyThere: number; skipped: SkippedLine[] } | null;
  /** A file of the archive that could not be read at all. */
  problems: string[];
}

/** An archive's two files, parsed; a file that could not be read is among `problems`. */
export interface ParsedArchive {
  connections: Extract<ConnectionsFile, { ok: true }> | null;
  messages: Extract<MessagesFile, { ok: true }> | null;
  problems: string[];
}

/** Parses both files of an archive (reported as one job); changes nothing. */
export function parseArchive(
  archive: LinkedInArchive,
  onProgress?: ProgressListener,
  t: Translator = english,
): ParsedArchive {
  const problems: string[] = [];
  const connections =
    archive.connectionsCsv === null
      ? null
      : parseConnectionsCsv(archive.connectionsCsv, partOf(onProgress, 0, 0.5), t);
  if (connections && !connections.ok)
    problems.push(
      t.t('import_fileProblem', { file: 'Connections.csv', problem: connections.error }),
    );
  const messages =
    archive.messagesCsv === null
      ? null
      : parseMessagesCsv(archive.messagesCsv, undefined, partOf(onProgress, 0.5, 0.5), t);
  if (messages && !messages.ok)
    problems.push(t.t('import_fileProblem', { file: 'messages.csv', problem: messages.error }));
  onProgress?.(1, 1);
  return {
    connections: connections?.ok ? connections : null,
    messages: messages?.ok ? messages : null,
    problems,
  };
}

function findPerson(index: PeopleIndex, touch: MessageTouch, t: Translator): Person | string {
  if (touch.slug)
    return (
      index.bySlugOrAlias(touch.slug) ?? t.t('import_notAmong', { name: touch.name || touch.slug })
    );
  const namesakes = index.named(touch.name);
  if (namesakes.length === 1) return namesakes[0]!;
  if (namesakes.length)
    return t.t('import_namedSame', { count: namesakes.length, name: touch.name });
  return touch.name ? t.t('import_notAmong', { name: touch.name }) : t.t('import_senderNotAmong');
}

/** Writes a parsed archive's connections and messages, in one transaction. */
export async function importArchive(
  db: AllianceDb,
  { connections, messages, problems }: ParsedArchive,
  now: number,
  onProgress?: ProgressListener,
  t: Translator = english,
): Promise<ArchiveImportResult> {
  return db.transaction('rw', ['people', 'touches', ...SYNC_NOTE_TABLES], async () => {
    // A message names its sender or recipient as a connection row names its person.
    const wanted = wantedBy([...(connections?.rows ?? []), ...(messages?.touches ?? [])]);
    const index = await loadPeopleIndex(db, wanted);
    let connectionsResult: ConnectionsImportResult | null = null;
    if (connections) {
      connectionsResult = applyConnections(index, connections.rows, now, t);
      connectionsResult.skipped.unshift(...connections.skipped);
    }

    let messagesResult: ArchiveImportResult['messages'] = null;
    const touches: Touch[] = [];
    if (messages) {
      messagesResult = { added: 0, alreadyThere: 0, skipped: [...messages.skipped] };
      const existing = await db.touches
        .where('[kind+at]')
        .between(['message', -Infinity], ['message', Infinity])
        .toArray();
      const logged = new Set(existing.map((touch) => `${touch.personSlug}|${localDay(touch.at)}`));
      for (const touch of messages.touches) {
        const person = findPerson(index, touch, t);
        if (typeof person === 'string') {
          messagesResult.skipped.push({ line: touch.line, reason: person });
          continue;
        }
        const key = `${person.slug}|${localDay(touch.at)}`;
        if (logged.has(key)) {
          messagesResult.alreadyThere += 1;
          continue;
        }
        logged.add(key);
        touches.push({
          id: crypto.randomUUID(),
          personSlug: person.slug,
          at: touch.at,
          kind: 'message',
          direction: touch.direction,
          note: touch.subject,
          createdAt: now,
        });
      }
      messagesResult.added = touches.length;
    }

    // Whoever the messages name keeps them: their last touch and their place among the tracked.
    const added = historiesOf({ touches, notes: [], followUps: [], ties: [] });
    for (const slug of added.keys()) index.put(index.bySlugOrAlias(slug)!);
    const people = index.changedPeople();
    const writes = people.length + touches.length;
    const written = (done: number) => onProgress?.(done, writes);
    await putChangedPeople(db, people, written, added);
    await bulkPutWithProgress(
      (slice) => db.touches.bulkPut(slice),
      touches,
      (done) => written(people.length + done),
    );
    onProgress?.(1, 1);
    return { connections: connectionsResult, messages: messagesResult, problems };
  });
}
