import specialtiesData from '../../../data/specialties.json';
import { freidaProgramId } from '../freida';
import { blockText, type Block, type PageText } from '../page-text';
import { alternation } from './rule-kit';

// Is this one residency program's page (or its GME office's applicant page)? Two stages:
// `precheck` reads only the URL, the title and the top headings, so the content script pays almost
// nothing on the other pages of the web; `detectProgramPage` reads the page and rejects look-alikes —
// advice articles, news stories, forum threads, job posts, law-firm, consultancy and test-prep pages,
// directories — that talk about visas and scores as much as any program FAQ does.
//
// Visa and score talk therefore proves nothing either way. What separates the two is *who speaks and
// about whom*: a program page speaks for one program ("we sponsor J-1 visas", "our residents"); a
// look-alike speaks about programs in general ("most programs sponsor…", "apply to 80 programs"),
// reports on one in the third person ("…, said the program director"), or shows the furniture of
// its own genre (bylines, reply buttons, "BC/BE", "attorney advertising", "enroll today").

export interface PrecheckInput {
  url: string;
  title: string;
  headings: string[];
}

// --- precheck ----------------------------------------------------------------------------------

// Words that put a URL, title or top heading in graduate medical education on their own.
const TRAINING_PHRASES = [
  'residency', 'residencies', 'resident physician', 'resident physicians', 'residents and fellows',
  'residents & fellows', 'residents fellows', 'prospective residents', 'house staff', 'housestaff',
  'graduate medical education', 'medical education', 'gme', 'internship', 'intern year', 'fellowship',
  'fellowships', 'international medical graduate', 'international medical graduates',
  'foreign medical graduate', 'foreign medical graduates', 'nrmp', 'acgme', 'ecfmg', 'usmle', 'freida',
];
const TRAINING = new RegExp(`\\b(?:${alternation(TRAINING_PHRASES)}|pgy[\\s-]?[1-8])\\b`, 'i');
// Acronyms that are ordinary words in lower case ("eras" of history, "img" file paths): only as
// written on program pages, upper case, in the title and headings.
const TRAINING_ACRONYMS = /\b(?:ERAS|IMGs?|FMGs?)\b/;
// Applicant words that are everyday web words ("apply a coupon", "FAQ", "admission tickets"): they
// count only next to a specialty's name in the same string ("Prospective Applicants | Pathology").
const APPLICANT_PHRASES = [
  'applicant', 'applicants', 'apply', 'how to apply', 'application', 'applications', 'admission',
  'admissions', 'eligibility', 'interview', 'interviews', 'faq', 'faqs', 'frequently asked questions',
  'requirements', 'selection criteria', 'program', 'programme', 'curriculum', 'rotations',
];
const APPLICANT = new RegExp(`\\b(?:${alternation(APPLICANT_PHRASES)})\\b`, 'i');
const SPECIALTY_PHRASES = [
  ...specialtiesData.specialties.flatMap((s) => [s.name, ...s.aliases]),
  'pediatric', 'psychiatric', 'surgical', 'transitional', 'family practice',
];
const SPECIALTY = new RegExp(`\\b(?:${alternation(SPECIALTY_PHRASES.map((p) => p.toLowerCase()))})\\b`, 'i');

function urlWords(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname} ${decodeURIComponent(u.pathname)}`.replace(/[-_/.]+/g, ' ');
  } catch {
    return '';
  }
}

function looksLikeTraining(text: string, acronyms: boolean): boolean {
  if (!text) return false;
  if (TRAINING.test(text) || (acronyms && TRAINING_ACRONYMS.test(text))) return true;
  return APPLICANT.test(text) && SPECIALTY.test(text);
}

/** Cheap gate: URL, title and headings only. True → run the full read. */
export function precheck(input: PrecheckInput): boolean {
  if (freidaProgramId(input.url)) return true;
  if (looksLikeTraining(input.title, true)) return true;
  if (looksLikeTraining(urlWords(input.url), false)) return true;
  for (const h of input.headings) if (looksLikeTraining(h, true)) return true;
  return false;
}

// --- where and under what name the page is published ---------------------------------------------

// Path segments of newsrooms, blogs, forums, job boards, law firms and shops. A program page is
// never filed under them; a program under /careers-training/ is (so "careers" is not here).
const NEG_URL_SEGMENTS = new Set([
  'blog', 'blogs', 'news', 'newsroom', 'news-releases', 'press', 'press-release', 'press-releases', 'pressroom',
  'media', 'media-center', 'media-room', 'stories', 'article', 'articles', 'magazine', 'insights', 'podcast',
  'forum', 'forums', 'threads', 'thread', 'topic', 'topics', 'discussion', 'discussions', 'comments',
  'job', 'jobs', 'job-listing', 'job-listings', 'listing', 'listings', 'vacancies', 'job-openings',
  'physician-jobs', 'physician-opportunities', 'provider-opportunities', 'physician-careers', 'join-our-team',
  'posts', 'post', 'attorneys', 'lawyers', 'practice-areas', 'course', 'courses', 'qbank', 'shop', 'store',
]);
// Dated paths (/2024/06/28/…) are how newsrooms and blogs file stories.
const DATED_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])(?:\/|$)/;
const NEG_HOST = /^(?:blog|blogs|news|newsroom|forum|forums|community|jobs|shop|store)\./;
// A careers subdomain hosts job posts, but a hospital may file its residency pages there too.
const WEAK_NEG_HOST = /^(?:careers|jobs?board)\./;
const NEG_TITLE =
  /\b(?:blog|forums?|newsroom|news|press release|jobs?|hiring|now hiring|job opening|vacanc(?:y|ies)|thread|law (?:firm|office|group)|attorneys?|immigration lawyers?|qbank|test prep|prep course|course|webinar|podcast)\b|\b\d+ (?:best|top)\b|\b(?:best|top) \d+\b|\bimg[- ]friendly\b|: r\/\w+/i;

// --- the furniture of each look-alike genre ---------------------------------------------------------
// Each cue is a phrase a program page does not use about itself. Cues are counted once per page and
// weigh 1 each: one stray phrase ("fourth-year students" on a program that hosts away rotations)
// is not enough to reject a page; two are (see the decision in detectProgramPage).

interface Cue {
  genre: string;
  re: RegExp;
}

const cues = (genre: string, list: RegExp[]): Cue[] => list.map((re) => ({ genre, re }));

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

const GENRE_CUES: Cue[] = [
  // Advice articles and blog posts: reading time, bylines, tables of contents, share buttons.
  ...cues('article', [
    /\b\d+[- ]min(?:ute)?s?\s+read\b/i,
    /^(?:By|Written by|Reviewed by|Edited by|Posted by) (?:Dr\. )?[A-Z][a-z]+(?: [A-Z][a-z.]+){1,2}(?:,? (?:MD|DO|PhD|MPH|RN|Staff Writer|Contributor))?(?: ?[|·•,].{0,60})?$/m,
    /^by (?:the )?[a-z][\w.' -]{2,40}(?:team|staff|editors?|editorial(?: board| team)?|desk)\b/im,
    /\b(?:table of contents|article contents|key takeaways)\b/i,
    /\bin this (?:article|guide|post|blog)\b/i,
    /\brelated (?:posts|articles|stories|reading)\b/i,
    // Not "share this page": hospital CMSs put share buttons on every page.
    /\bshare this (?:article|story|post)\b/i,
    /\bleave a (?:comment|reply)\b|\bsubscribe to (?:our )?newsletter\b/i,
    /^(?:conclusion|final thoughts|(?:the )?bottom line)$/im,
    /\b(?:list of|top \d+|best \d+|\d+ best) [\w -]{0,40}\bprograms\b|\bimg[- ]friendly\b/i,
  ]),
  // News stories and press releases.
  ...cues('news', [
    /\bfor immediate release\b/i,
    /\b(?:media|press) (?:contacts?|inquiries|relations)\b/i,
    /\bpress release\b|\bmore news\b/i,
    /^#{3}$|^-30-$/m,
    // Boilerplate closing a press release: "About Metro General: Metro General Hospital is a 600-bed…"
    /^About [A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*)*:? .{0,60}\b(?:is|are) (?:a|an|the|one)\b/m,
    /\b(?:the (?:hospital|health system|university|medical center|school) announced|announced today)\b/i,
  ]),
  // Forum and social threads.
  ...cues('forum', [
    // Not bare "10 points": score talk ("within 10 points") is everywhere on program pages.
    /\b\d[\d,.]*k? (?:posts|replies|views|comments|upvotes|reactions)\b|\b\d+ points? [·•|]/i,
    /\b(?:reply|quote|like|share|save|report|award)\b[\s·•|]+(?:reply|quote|like|share|save|report|award)\b/i,
    /\bposted by u\/|(?:^|\s)u\/[A-Za-z0-9_-]{3,}|(?:^|\s)r\/[A-Za-z0-9_]{3,}/,
    /\bJoined:? (?:[A-Z][a-z]{2} \d|\d{4})|\b(?:Junior|Senior|New|Active|Well-known) Member\b/,
    /\blog in or register to (?:reply|post)\b|\bpost reply\b|\boriginal poster\b|\bthread starter\b|[·•|] ?OP ?[·•|]/,
    /\b\d+\s?(?:y|yr|years?|mo|months?|d|days?|h|hours?) ago\b/i,
  ]),
  // Job posts for attending physicians: hiring verbs, board status, employer boilerplate, pay.
  ...cues('job', [
    // Hiring a physician, not "the program is seeking applicants who…".
    /\b(?:is|are|seeks|seeking|recruiting|hiring) (?:an? |two |experienced |additional )?(?:BC\/BE|board[- ]certified|full[- ]time|part[- ]time|(?:[\w-]+ )?(?:physicians?|hospitalists?|internists?|pediatricians?|psychiatrists?|surgeons?|nocturnists?))\b|\bnow hiring\b|\bwe(?:'re| are) hiring\b/i,
    /\bBC\/BE\b|\bboard[- ]certified (?:or|\/) (?:board[- ])?eligible\b/i,
    /\bequal (?:employment )?opportunity(?:\/affirmative action)? employer\b|\bEOE\b/i,
    /\b(?:sign(?:ing|-on)|retention|productivity|commencement) bonus\b/i,
    /\b(?:student )?loan repayment\b/i,
    /\b(?:employment|job|position) type\b|\breference #|\breq(?:uisition)?\.? ?(?:id|#|number)\b|\bjob (?:id|number|code)\b/i,
    /\bapply for this (?:job|position|opportunity)\b|\bsimilar jobs\b|\bjob (?:details|description)\b/i,
    // Programs ask for a personal statement, employers for a cover letter.
    /\b(?:cv|curriculum vitae|resume) and cover letter\b|\bcover letter and (?:cv|curriculum vitae|resume)\b/i,
    /\bposition (?:highlights|summary|overview|details)\b|\bthis (?:position|role) (?:offers|includes)\b/i,
    /\b(?:physician|provider) recruit(?:ment|er|ing)\b/i,
    /\b(?:seven|\d+)[- ]on[\s/,-]+(?:seven|\d+)[- ]off\b/i,
    /\bj-?1 (?:visa )?waiver (?:candidates|eligible|approved|position|site)\b/i,
    // Attending pay is six figures; resident salaries are five.
    /\$\s?[1-9]\d{2},\d{3}\b|\$[1-9]\d{2}k\b/i,
  ]),
  // Immigration law firms.
  ...cues('law', [
    /\battorney advertising\b|\bprior results\b/i,
    /\bnot (?:be construed as )?legal advice\b|\battorney[- ]client relationship\b/i,
    /\bour (?:law )?(?:firm|attorneys|lawyers)\b|\bwe (?:have )?represent(?:ed)?\b/i,
    /\blaw (?:firm|offices?|group)\b|\b(?:PLLC|LLP|Esq\.)/,
  ]),
  // Test prep.
  ...cues('prep', [
    // A program's benefits page may list a QBank subscription; alone it is one cue.
    /\bq-?bank\b|\bquestion bank\b|\b[\d,]{3,} (?:board-style |practice |exam-style )?questions\b/i,
    /\b(?:full[- ]length|nbme|uworld) (?:self[- ])?assessments?\b/i,
    /\benrol(?:l|ling)? (?:now|today)\b|\benroll in (?:the|our)\b|\badd to cart\b/i,
    /\bpass guarantee\b|\bmoney[- ]back\b|\bfree trial\b|\brepeat the course\b/i,
    /\blive (?:online )?(?:lectures|classes|review)\b/i,
    /\bour students (?:average|score|scored|matched|pass)\b/i,
    /\$\s?[\d,]+(?:\.\d{2})? for the (?:full |entire )?course\b|\b(?:two|three|four|\d) (?:monthly )?payments of\b/i,
  ]),
  // Consultancies and coaching services selling help with the Match.
  ...cues('service', [
    /\b(?:book|schedule|request) (?:a |your )?(?:free )?(?:strategy )?(?:call|consultation|session)\b/i,
    /\b(?:personal statement|cv|eras application) (?:editing|review|writing)\b/i,
    /\bmock interviews?\b/i,
    /\b(?:our|match|premium) packages?\b|\bpackages? (?:include|includes|start)\b/i,
    /\bnot affiliated with\b/i,
    /\bour (?:clients|consultants|coaches)\b|\bwe help (?:imgs|international|physicians|doctors|applicants)\b/i,
    /\b(?:tailored|personali[sz]ed|custom) (?:program|residency) list\b|\bsuccess stories\b/i,
  ]),
  // A medical school advising its own students about the Match in general.
  ...cues('advising', [
    /\b(?:office of )?student affairs\b/i,
    /\b(?:third|fourth)[- ]year (?:medical )?students\b|\bMS[34]s?\b/,
    // Not "your faculty advisor": residents have those too.
    /\byour (?:career|specialty|dean'?s|medical school) advis[oe]rs?\b|\bcareer advis(?:ing|ors?)\b/i,
    /\bmatch week\b/i,
    // Not "visiting students should apply through VSLO", which program pages say.
    /\bmost students\b|\bstudents (?:who need a visa|apply to \d+)\b/i,
  ]),
  // Directories and search results.
  ...cues('directory', [
    // Weak: data tables on program pages print "Showing 1 to 10 of 12 entries" too.
    /\bshowing \d+\s*(?:[-–]|to)\s*\d+ of \d+\b|\b\d+ programs found\b/i,
    /\bsearch (?:results|programs|the directory)\b|\bfilter by\b|\bsearch [\w ]{0,40}programs by\b/i,
  ]),
];

// --- who speaks -----------------------------------------------------------------------------------

// The page speaking for one program. Quoted speech is removed first: a news story quoting the program
// director ("We could not be prouder") is not the program speaking.
const OWN_VOICE: RegExp[] = [
  /\b(?:our|this) (?:[\w-]+ ){0,3}?(?:residency|program|programme|residents|interns|categorical positions|graduates|alumni|faculty|selection committee|application process|institution|current class)\b/i,
  /\bwe (?:(?:do not|don't|cannot|can't|will not|won't|are (?:not )?able to|are unable to|no longer|only|also|generally|strongly|currently|typically|usually|will|may|mainly|mostly|gladly|happily|do) )?(?:accept|sponsor|offer|take|review|require|consider|participate|interview|welcome|train|receive|screen|prefer|encourage|look for|invite|recruit|rank|select|read|match|evaluate)\b/i,
  /\bthe (?:program|residency|institution|department|hospital)(?: director)? (?:does not |doesn't |will not |only |also |currently )?(?:sponsors?|accepts?|offers?|requires?|considers?|participates?|interviews?|welcomes?|trains?)\b/i,
  /\bthe program (?:director|coordinator|manager)\b/i,
];

// The page speaking about programs in general: quantified or generic plurals ("most programs",
// "programs that sponsor", "each program's website", "apply to 80 programs"). Program pages rarely
// do this, and then about their institution's own programs ("our programs", "its programs").
const NOT_OWNED = String.raw`(?<!\b(?:our|its|their|these|those|your|his|her)\s(?:[\w-]+\s){0,3})`;
const GENERIC_VOICE: RegExp[] = [
  new RegExp(String.raw`\b(?:most|many|some|few|fewer|several|certain|competitive|community|university|academic|top|rural)\s(?:[\w/-]+\s){0,3}?(?:programs|residencies)\b`, 'gi'),
  new RegExp(String.raw`${NOT_OWNED}\bprograms (?:that|which|who|with|usually|often|rarely|typically|generally|differ|vary|require|expect|screen|sponsor|accept|take|set|list|put|will|do|may|can|ask|rely|filter|only|tend|prefer|look|want|care|have|are|offer|need|begin|put)\b`, 'gi'),
  /\b(?:each|every|any) (?:[\w-]+ ){0,2}?program(?:'s)?\b/gi,
  /\b(?:apply|applying|applied) (?:to|for) (?:\d+|many|more|several|multiple)\b[^.]{0,25}programs\b|\b\d+\+?(?:\s*(?:to|-|–)\s*\d+)?\s+programs\b/gi,
  /\b(?:which|what|those|these) (?:[\w-]+ ){0,3}?programs\b/gi,
];

// A publication line near the top: "June 21, 2024", "Published March 15, 2024", "By X | Oct 2, 2023".
const DATE = String.raw`(?:${MONTH} \d{1,2},? \d{4}|${MONTH} \d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})`;
const PUBLICATION_LINE = new RegExp(
  String.raw`^(?:(?:published|posted|updated|last updated|date)(?: on)?:? )?(?:[^|·•]{0,60}[|·•] ?)?${DATE}(?: ?[|·•].{0,60})?$`,
  'i',
);
// A story's dateline: "DETROIT – Metro General…", "ALLENTOWN, Pa. – Fourteen…".
const DATELINE = /^(?:[A-Z][a-z]?)?[A-Z]{3,}(?: [A-Z]{2,})*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)? [-–—] [A-Z0-9"“]/;
// Reported speech: '…," said Dr. Morales' / 'Haddad said'. Testimonials say "says".
const REPORTED = /["”],? said\b|\bsaid (?:Dr\.|the|[A-Z])|\b(?:[A-Z][a-z]+|he|she|they) said\b/;
// A listing row: another institution's program with its place ("… Program | Tucson, AZ", "… (TX)").
const LISTING_ROW =
  /\b[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*)* (?:Program|Residency|Hospital|Medical Center|University)\b.{0,80}(?:\b[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2}\b|\([A-Z]{2}\))/;

// --- application vocabulary and headings ------------------------------------------------------------

const POS_TITLE = /\b(?:residency|residents|fellowship|graduate medical education|gme|medical education|internship)\b/i;
const POS_URL = /\b(?:residency|residencies|residents?|gme|graduate medical education|medical education|fellowships?|internship|prospective applicants?|applicants?)\b/i;
const APPLICATION = /\b(?:eras|nrmp|the match|acgme|ecfmg|pgy-?\s?[1-4]|categorical|interview season|rank order list)\b/i;

const QUOTED = /“[^”]*”|"[^"]*"/g;

export interface Detection {
  isProgramPage: boolean;
  /** Evidence that the page speaks for one program. */
  positive: number;
  /** Evidence that it is another genre that talks about programs. */
  negative: number;
  /** Why: the features that fired, for tests and debugging. */
  reasons: string[];
}

function count(res: RegExp[], text: string): number {
  let n = 0;
  for (const re of res) {
    re.lastIndex = 0;
    if (re.global) n += text.match(re)?.length ?? 0;
    else if (re.test(text)) n++;
  }
  return n;
}

/** Full detection over the read page (after precheck). */
export function detectProgramPage(page: PageText): Detection {
  if (freidaProgramId(page.url)) return { isProgramPage: true, positive: 10, negative: 0, reasons: ['freida'] };

  const reasons: string[] = [];
  let negative = 0;
  let positive = 0;
  const neg = (w: number, why: string) => {
    negative += w;
    reasons.push(`-${w} ${why}`);
  };
  const pos = (w: number, why: string) => {
    if (w <= 0) return;
    positive += w;
    reasons.push(`+${w} ${why}`);
  };

  // Where it is published (weight 2: a newsroom, forum or job board files nothing else there).
  try {
    const u = new URL(page.url);
    const segs = u.pathname.toLowerCase().split('/').filter(Boolean);
    const seg = segs.find((s) => NEG_URL_SEGMENTS.has(s));
    if (seg) neg(2, `url /${seg}/`);
    else if (DATED_PATH.test(u.pathname)) neg(1, 'dated url');
    const host = u.hostname.toLowerCase();
    if (NEG_HOST.test(host)) neg(2, `host ${host}`);
    else if (WEAK_NEG_HOST.test(host)) neg(1, `host ${host}`);
  } catch {
    /* no URL */
  }
  if (NEG_TITLE.test(page.title)) neg(2, 'title');
  if (POS_TITLE.test(page.title)) pos(2, 'title');
  if (POS_URL.test(urlWords(page.url))) pos(1, 'url');

  // The page's own content: site chrome (menus, "Latest news" sidebars, footers) says nothing about
  // what this page is.
  const content: Block[] = page.blocks.filter((b) => !b.chrome);
  const lines = content.map(blockText);
  const text = lines.join('\n');

  const fired = GENRE_CUES.filter((c) => c.re.test(text));
  for (const c of fired) neg(1, `${c.genre} ${c.re.source.slice(0, 40)}`);

  let headings = 0;
  let ownBlocks = 0;
  let genericHits = 0;
  let reported = 0;
  let listingRows = 0;
  let dated = false;
  let dateline = false;
  let application = 0;
  let seenH1 = false;
  let sinceTop = 0;
  for (let i = 0; i < content.length; i++) {
    const b = content[i]!;
    const line = lines[i]!;
    if (b.kind === 'heading' && (b.level ?? 6) <= 2) {
      if (POS_TITLE.test(line) && headings < 2) headings++;
      if (!seenH1) sinceTop = 0;
      seenH1 = true;
    }
    sinceTop++;
    const spoken = line.replace(QUOTED, ' ');
    if (OWN_VOICE.some((re) => re.test(spoken))) ownBlocks++;
    genericHits += Math.min(2, count(GENERIC_VOICE, spoken));
    if (application < 2 && APPLICATION.test(line)) application++;
    if (b.kind !== 'heading' && REPORTED.test(line)) reported++;
    if (b.kind !== 'heading' && line.length > 60 && DATELINE.test(line)) dateline = true;
    if (!dated && sinceTop <= 4 && b.kind === 'paragraph' && line.length <= 120 && PUBLICATION_LINE.test(line)) dated = true;
    if (b.kind !== 'paragraph' && LISTING_ROW.test(line)) listingRows++;
  }

  // Story furniture: a publication line or dateline at the top and reported speech (one quote with
  // "said" can be a testimonial; two make a story).
  if (dated) neg(1, 'publication date');
  if (dateline) neg(1, 'dateline');
  if (reported >= 2) neg(1, `reported speech x${reported}`);
  // A list of other institutions' programs with their places: a directory or a listicle.
  if (listingRows >= 4) neg(2, `listing rows x${listingRows}`);
  // Talk about programs in general outweighing talk for one program.
  if (genericHits >= 3 && genericHits >= ownBlocks + 2) neg(2, `generic voice ${genericHits} vs own ${ownBlocks}`);
  else if (genericHits >= 2 && genericHits > ownBlocks) neg(1, `generic voice ${genericHits} vs own ${ownBlocks}`);

  pos(headings, 'headings');
  pos(Math.min(3, ownBlocks), `own voice x${ownBlocks}`);
  pos(application, 'application vocabulary');

  const isProgramPage = negative < 2 && positive >= 3;
  return { isProgramPage, positive, negative, reasons };
}
