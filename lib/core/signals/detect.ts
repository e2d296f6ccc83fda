import { freidaProgramId } from '../freida';
import type { PageText } from '../page-text';

// Is this one residency program's page (or its GME office's applicant page)? Two stages:
// `precheck` reads only the URL, the title and the top headings, so the content script pays almost
// nothing on the other pages of the web; `detectProgramPage` reads the page and rejects look-alikes —
// advice articles, news stories, forum threads, job posts, law-firm and test-prep pages — that talk
// about visas and scores as much as any program FAQ does.

export interface PrecheckInput {
  url: string;
  title: string;
  headings: string[];
}

const PROGRAM_WORDS =
  /\b(?:residency|residencies|residents?|fellowships?|graduate medical education|gme|medical education|internship|applicants?|applying|apply|admissions?|eligibility|program|programme|faq|faqs|international medical graduates?|imgs?)\b/i;

function urlPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname} ${decodeURIComponent(u.pathname)}`.replace(/[-_/.]+/g, ' ');
  } catch {
    return '';
  }
}

/** Cheap gate: URL, title and headings only. True → run the full read. */
export function precheck(input: PrecheckInput): boolean {
  if (freidaProgramId(input.url)) return true;
  if (PROGRAM_WORDS.test(input.title)) return true;
  if (PROGRAM_WORDS.test(urlPath(input.url))) return true;
  for (const h of input.headings) if (PROGRAM_WORDS.test(h)) return true;
  return false;
}

// --- look-alike markers -------------------------------------------------------------------------

const NEG_URL_SEGMENTS = new Set([
  'blog', 'blogs', 'news', 'newsroom', 'press', 'press-releases', 'pressroom', 'media-center', 'stories', 'article', 'articles',
  'forum', 'forums', 'threads', 'thread', 'topic', 'topics', 'discussion', 'discussions', 'job', 'jobs', 'job-listing',
  'job-listings', 'vacancies', 'posts', 'post', 'magazine', 'insights', 'podcast', 'attorneys', 'lawyers', 'practice-areas',
  'course', 'courses', 'qbank', 'shop', 'store',
]);
const NEG_HOST = /^(?:blog|blogs|news|forum|forums|community|jobs|careers|shop|store)\./;
const NEG_TITLE =
  /\b(?:blog|forums?|newsroom|news|press release|jobs?|hiring|now hiring|job opening|vacanc(?:y|ies)|thread|law (?:firm|office|group)|attorneys?|immigration lawyers?|qbank|test prep|prep course|course|webinar|podcast)\b|\b\d+ (?:best|top)\b|\b(?:best|top) \d+\b|\bimg[- ]friendly\b/i;
const NEG_TEXT: RegExp[] = [
  /\b\d+ min(?:ute)?s? read\b/i,
  /^by (?:the )?[a-z][\w.' -]{2,60}(?:team|staff|editors?|editorial)\b|^by [A-Z][a-z]+ [A-Z][a-z]+(?:,|\s·|\s\|)/,
  /\breply\b.{0,5}\breport\b|\bjoined\b.{0,40}\bmessages\b|\bpost reply\b|\blast edited\b|\boriginal poster\b|\bquote reply\b/i,
  /\b(?:salary|compensation|job type|employment type|location):\s/i,
  /\bapply now\b|\bsimilar jobs\b|\bjob (?:id|details|description)\b|\bboard certified or board eligible\b|\bsigning bonus\b/i,
  /\brelated (?:posts|articles|stories)\b|\bmore news\b|\bmedia contact\b|\bpress release\b|\bfor immediate release\b/i,
  /\bnot affiliated with any (?:program|residency)\b|\bbook a (?:free )?(?:strategy )?(?:call|consultation)\b|\bschedule a (?:free )?consultation\b/i,
  /\blaw (?:firm|office|group)\b|\battorneys? at law\b|\bimmigration (?:attorney|lawyer)s?\b|\blegal advice\b|\battorney[- ]client\b/i,
  /\bqbank\b|\bquestion bank\b|\bpractice (?:tests|questions|exams)\b|\benroll (?:now|today)\b|\bfree trial\b|\btutoring\b|\bmoney[- ]back\b/i,
  /^[A-Z][A-Za-z.' -]+, [A-Z][A-Za-z.]+ ?[—-] ?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?) (?:\d{1,2}, )?\d{4}/,
  /\b(?:list of|top \d+|best) [\w -]{0,40}\b(?:residency )?programs\b/i,
];

// --- program markers ------------------------------------------------------------------------------

const POS_TITLE = /\b(?:residency|residents|fellowship|graduate medical education|gme|medical education|internship)\b/i;
const POS_URL = /\b(?:residency|residencies|residents?|gme|graduate medical education|medical education|fellowships?|internship|prospective applicants?|applicants?)\b/i;
const FIRST_PERSON =
  /\b(?:our|this) (?:residency|program|programme|residents|interns|categorical|faculty|hospital|medical center|department|selection committee|application)\b|\bwe (?:accept|sponsor|offer|take|review|require|consider|participate|interview|only|do not|don't|will|have|are|welcome|train|receive|screen|set|keep|generally|prefer|strongly|encourage|look|cannot|expect|need|must|mostly|mainly)\b|\bthe program (?:director|coordinator|sponsors|does|is|offers|accepts)\b/i;
const APPLICATION = /\b(?:eras|nrmp|the match|acgme|ecfmg|pgy-?\s?[1-4]|categorical|interview season|rank order list)\b/i;

export interface Detection {
  isProgramPage: boolean;
  positive: number;
  negative: number;
}

/** Full detection over the read page (after precheck). */
export function detectProgramPage(page: PageText): Detection {
  if (freidaProgramId(page.url)) return { isProgramPage: true, positive: 10, negative: 0 };

  let negative = 0;
  let positive = 0;
  try {
    const u = new URL(page.url);
    const segs = u.pathname.toLowerCase().split('/').filter(Boolean);
    if (segs.some((s) => NEG_URL_SEGMENTS.has(s))) negative += 2;
    if (NEG_HOST.test(u.hostname.toLowerCase())) negative += 2;
  } catch {
    /* no URL */
  }
  if (NEG_TITLE.test(page.title)) negative += 2;
  if (POS_TITLE.test(page.title)) positive += 2;
  if (POS_URL.test(urlPath(page.url))) positive += 1;

  let negHits = 0;
  let firstPerson = 0;
  let application = 0;
  const seen = new Set<number>();
  for (const b of page.blocks) {
    if (b.chrome) continue;
    const text = b.prompt ? `${b.prompt} ${b.text}` : b.text;
    if (b.kind === 'heading' && (b.level ?? 6) <= 2 && POS_TITLE.test(text)) positive += positive < 4 ? 1 : 0;
    for (let i = 0; i < NEG_TEXT.length; i++) {
      if (!seen.has(i) && NEG_TEXT[i]!.test(text)) {
        seen.add(i);
        negHits++;
      }
    }
    if (firstPerson < 3 && FIRST_PERSON.test(text)) firstPerson++;
    if (application < 2 && APPLICATION.test(text)) application++;
  }
  negative += negHits;
  positive += firstPerson + application;
  const isProgramPage = negative < 2 && positive >= 3;
  return { isProgramPage, positive, negative };
}
