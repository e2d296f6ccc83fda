import { freidaProgramId } from '../freida-url';
import { APPLICANT_PHRASES, MEDICAL_PHRASES, TRAINING_PHRASES, urlWords } from './precheck';
import { blockText, type Block, type PageText } from '../page-text';
import { alternation, GME_OFFICE } from './phrases';

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

export { precheck, type PrecheckInput } from './precheck';

// --- where and under what name the page is published ---------------------------------------------

// Path segments of newsrooms, blogs, forums, job boards, law firms and shops. A program page is
// never filed under them; hospitals do file residencies under /careers-training/ or /join-our-team/
// (so those are not here).
const NEG_URL_SEGMENTS = new Set([
  'blog', 'blogs', 'news', 'newsroom', 'news-releases', 'press', 'press-release', 'press-releases', 'pressroom',
  'media', 'media-center', 'media-room', 'stories', 'article', 'articles', 'magazine', 'insights', 'podcast',
  'forum', 'forums', 'threads', 'thread', 'topic', 'topics', 'discussion', 'discussions', 'comments',
  'job', 'jobs', 'job-listing', 'job-listings', 'listing', 'listings', 'vacancies', 'job-openings',
  'physician-jobs', 'physician-opportunities', 'provider-opportunities',
  'posts', 'post', 'attorneys', 'lawyers', 'practice-areas', 'course', 'courses', 'qbank', 'shop', 'store',
]);
// Dated paths (/2024/06/28/…) are how newsrooms and blogs file stories.
const DATED_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])(?:\/|$)/;
const NEG_HOST = /^(?:blog|blogs|news|newsroom|forum|forums|community|jobs|shop|store)\./;
// A careers subdomain hosts job posts, but a hospital may file its residency pages there too.
const WEAK_NEG_HOST = /^(?:careers|jobs?board)\./;
// (Not "course", "webinar" or "podcast": programs title pages "Didactic Course Schedule" and
// "Open House Webinars" too.)
const NEG_TITLE =
  /\b(?:blog|forums?|newsroom|news|press release|jobs?|hiring|now hiring|job opening|vacanc(?:y|ies)|thread|law (?:firm|office|group)|attorneys?|immigration lawyers?|qbank|test prep|prep course|review course|board of (?:medical )?(?:licensure|practice|medicine|examiners)|medical board|physician licensure|licensing board)\b|\b\d+ (?:best|top)\b|\b(?:best|top) \d+\b|\bimg[- ]friendly\b|: r\/\w+/i;

// --- the furniture of each look-alike genre ---------------------------------------------------------
// Each cue is a phrase a program page does not use about itself, counted once per page. A genre is
// shown by two or more of its cues (each then weighs 1); a lone cue weighs ½, because program pages
// do carry stray ones — "fourth-year medical students" where they host away rotations, a QBank in
// the benefits list, "Showing 1 to 10 of 36 entries" under a table — and stray cues of *different*
// genres must not add up to a verdict.

// `needs`: words (lower case, matched in any case) at least one of which any match of `re` contains,
// and where: a word that starts with a letter or digit starts a word there (\b before it); a word
// written "^by " starts a line ("by " after a line break or at the start); any other word ("$",
// "· op") may sit anywhere. A cue is tested only when the page holds one of its words (cueWordsIn
// finds them all in two scans); a speed-up only: a cue without any of its words cannot match. Rare
// words make the gate worth more: "ideal candidate", not "candidate".
export interface Cue {
  genre: string;
  re: RegExp;
  needs?: string[];
}

const cues = (genre: string, list: (RegExp | [RegExp, string[]])[]): Cue[] =>
  list.map((x) => (Array.isArray(x) ? { genre, re: x[0], needs: x[1] } : { genre, re: x }));

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

/** Exported for the soundness test of each cue's `needs` words (tests/lib/core/signals/detect-cues.test.ts). */
export const GENRE_CUES: Cue[] = [
  // Advice articles and blog posts: reading time, bylines, tables of contents, share buttons.
  ...cues('article', [
    [/\b\d+[- ]min(?:ute)?s?\s+read\b/i, ['read']],
    [/^(?:By|Written by|Reviewed by|Edited by|Posted by) (?:Dr\. )?[A-Z][a-z]+(?: [A-Z][a-z.]+){1,2}(?:,? (?:MD|DO|PhD|MPH|RN|Staff Writer|Contributor))?(?: ?[|·•,].{0,60})?$/m, ['^by ', '^written by ', '^reviewed by ', '^edited by ', '^posted by ']],
    [/^by (?:the )?[a-z][\w.' -]{2,40}(?:team|staff|editors?|editorial(?: board| team)?|desk)\b/im, ['^by ']],
    [/\b(?:table of contents|article contents|key takeaways)\b/i, ['contents', 'key takeaways']],
    [/\bin this (?:article|guide|post|blog)\b/i, ['in this']],
    [/\brelated (?:posts|articles|stories|reading)\b/i, ['related ']],
    // Not "share this page": hospital CMSs put share buttons on every page.
    [/\bshare this (?:article|story|post)\b/i, ['share this']],
    [/\bleave a (?:comment|reply)\b|\bsubscribe to (?:our )?newsletter\b/i, ['leave a', 'subscribe to']],
    [/^(?:conclusion|final thoughts|(?:the )?bottom line)$/im, ['conclusion', 'final thoughts', 'bottom line']],
    [/\b(?:list of|top \d+|best \d+|\d+ best) [\w -]{0,40}\bprograms\b|\bimg[- ]friendly\b/i, ['list of', 'top ', 'best ', 'img-friendly', 'img friendly']],
  ]),
  // News stories and press releases.
  ...cues('news', [
    [/\bfor immediate release\b/i, ['for immediate release']],
    [/\b(?:media|press) (?:contacts?|inquiries|relations)\b/i, ['media ', 'press ']],
    [/\bpress release\b|\bmore news\b/i, ['press release', 'more news']],
    [/^#{3}$|^-30-$/m, ['###', '-30-']],
    // Boilerplate closing a press release: "About Metro General: Metro General Hospital is a 600-bed…"
    [/^About [A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*)*:? .{0,60}\b(?:is|are) (?:a|an|the|one)\b/m, ['^about ']],
    [/\b(?:the (?:hospital|health system|university|medical center|school) announced|announced today)\b/i, ['announced']],
  ]),
  // Forum and social threads.
  ...cues('forum', [
    // Not bare "10 points": score talk ("within 10 points") is everywhere on program pages.
    [/\b\d[\d,.]*k? (?:posts|replies|answers|views|comments|upvotes|reactions)\b|\b\d+ points? [·•|]/i, ['posts', 'replies', 'answers', 'views', 'comments', 'upvotes', 'reactions', 'point']],
    [/\b(?:answered|asked|replied) (?:by|\d+ (?:years?|months?|days?) ago)\b|^Re: |\breply #\d+/im, ['answered', 'asked', 'replied', '^re: ', 'reply #']],
    [/\b(?:reply|quote|like|share|save|report|award)\b[\s·•|]+(?:reply|quote|like|share|save|report|award)\b/i, ['reply', 'quote', 'like', 'share', 'save', 'report', 'award']],
    [/\bposted by u\/|(?:^|\s)u\/[A-Za-z0-9_-]{3,}|(?:^|\s)r\/[A-Za-z0-9_]{3,}/, ['u/', 'r/']],
    [/\bJoined:? (?:[A-Z][a-z]{2} \d|\d{4})|\b(?:Junior|Senior|New|Active|Well-known) Member\b/, ['joined', 'member']],
    [/\blog in or register to (?:reply|post)\b|\bpost reply\b|\boriginal poster\b|\bthread starter\b|[·•|] ?OP ?[·•|]/, ['register to', 'post reply', 'original poster', 'thread starter', '·op', '· op', '•op', '• op', '|op', '| op']],
    [/\b\d+\s?(?:y|yr|years?|mo|months?|d|days?|h|hours?) ago\b/i, ['ago']],
  ]),
  // Job posts for attending physicians: hiring verbs, board status, employer boilerplate, pay.
  ...cues('job', [
    // Hiring a physician, not "the program is seeking applicants who…".
    [/\b(?:seeks|seeking|recruiting|hiring) (?:an? |two |experienced |additional |qualified |dynamic )*(?:BC\/BE|board[- ]certified|full[- ]time|part[- ]time|(?:[\w-]+ )?(?:physicians?|hospitalists?|internists?|pediatricians?|psychiatrists?|surgeons?|nocturnists?))\b|\bnow hiring\b|\bwe(?:'re| are) hiring\b/i, ['seek', 'recruiting', 'hiring']],
    [/\bBC\/BE\b|\bboard[- ]certified (?:or|\/) (?:board[- ])?eligible\b/i, ['bc/be', 'certified']],
    [/\bequal (?:employment )?opportunity(?:\/affirmative action)? employer\b|\bEOE\b/i, ['equal', 'eoe']],
    [/\b(?:sign(?:ing|-on)|retention|productivity|commencement) bonus\b/i, ['bonus']],
    [/\b(?:student )?loan repayment\b/i, ['loan repayment']],
    [/\b(?:employment|job|position) type\b|\breference #|\breq(?:uisition)?\.? ?(?:id|#|number)\b|\bjob (?:id|number|code)\b/i, ['type', 'reference #', 'requisition', 'req.', 'req ', 'req#', 'reqid', 'reqnumber', 'job ']],
    [/\bapply for this (?:job|position|opportunity)\b|\bsimilar jobs\b|\bjob (?:details|description)\b/i, ['apply for this', 'similar jobs', 'job ']],
    // Programs ask for a personal statement, employers for a cover letter.
    [/\b(?:cv|curriculum vitae|resume) and cover letter\b|\bcover letter and (?:cv|curriculum vitae|resume)\b/i, ['cover letter']],
    [/\bposition (?:highlights|summary|overview|details)\b|\bthis (?:position|role) (?:offers|includes)\b/i, ['position ', 'role ']],
    [/\bkey responsibilities\b|\bessential (?:duties|functions)\b|\bjob responsibilities\b/i, ['responsibilities', 'essential ']],
    [/\bthe (?:successful|ideal) candidate\b|\b(?:minimum|preferred|required) qualifications\b/i, ['successful candidate', 'ideal candidate', 'minimum qualifications', 'preferred qualifications', 'required qualifications']],
    [/\b(?:physician|provider) recruit(?:ment|er|ing)\b/i, ['physician recruit', 'provider recruit']],
    [/\b(?:seven|\d+)[- ]on[\s/,-]+(?:seven|\d+)[- ]off\b/i, ['off']],
    [/\bj-?1 (?:visa )?waiver (?:candidates|eligible|approved|position|site)\b/i, ['waiver']],
    // Attending pay is six figures; resident salaries are five.
    [/\$\s?[1-9]\d{2},\d{3}\b|\$[1-9]\d{2}k\b/i, ['$']],
  ]),
  // Immigration law firms.
  ...cues('law', [
    [/\battorney advertising\b|\bprior results\b/i, ['attorney advertising', 'prior results']],
    [/\bnot (?:be construed as )?legal advice\b|\battorney[- ]client relationship\b/i, ['legal advice', 'client relationship']],
    [/\bour (?:law )?firm\b|\bour (?:attorneys|lawyers)\b|\bwe (?:have )?represent(?:ed)?\b|\bfree case (?:evaluation|review)\b/i, ['firm', 'attorneys', 'lawyers', 'represent', 'free case']],
    [/\blaw (?:firm|offices?|group)\b|\b(?:PLLC|LLP|Esq\.)/, ['law ', 'pllc', 'llp', 'esq.']],
  ]),
  // Test prep.
  ...cues('prep', [
    // A program's benefits page may list a QBank subscription; alone it is one cue.
    [/\bq-?bank\b|\bquestion bank\b|\b[\d,]{3,} (?:board-style |practice |exam-style )?questions\b/i, ['qbank', 'q-bank', 'question bank', 'questions']],
    [/\b(?:full[- ]length|nbme|uworld) (?:self[- ])?assessments?\b/i, ['assessment']],
    [/\benrol(?:l|ling)? (?:now|today)\b|\benroll in (?:the|our)\b|\badd to cart\b/i, ['enrol', 'add to cart']],
    [/\bpass guarantee\b|\bmoney[- ]back\b|\bfree trial\b|\brepeat the course\b/i, ['guarantee', 'money', 'free trial', 'repeat the course']],
    [/\blive (?:online )?(?:lectures|classes|review)\b/i, ['live ']],
    [/\bour students (?:average|score|scored|matched|pass)\b/i, ['our students']],
    [/\$\s?[\d,]+(?:\.\d{2})? for the (?:full |entire )?course\b|\b(?:two|three|four|\d) (?:monthly )?payments of\b/i, ['$', 'payments of']],
  ]),
  // Consultancies and coaching services selling help with the Match.
  ...cues('service', [
    [/\b(?:book|schedule|request) (?:a |your )?(?:free )?(?:strategy )?(?:call|consultation|session)\b/i, ['call', 'consultation', 'session']],
    [/\b(?:personal statement|cv|eras application) (?:editing|review|writing)\b/i, ['statement editing', 'statement review', 'statement writing', 'cv editing', 'cv review', 'cv writing', 'application editing', 'application review', 'application writing']],
    [/\bmock interviews?\b/i, ['mock interview']],
    [/\b(?:our|match|premium) packages?\b|\bpackages? (?:include|includes|start)\b/i, ['package']],
    [/\bnot affiliated with\b/i, ['not affiliated with']],
    [/\bour (?:clients|consultants|coaches)\b|\bwe help (?:imgs|international|physicians|doctors|applicants)\b/i, ['clients', 'consultants', 'coaches', 'we help']],
    [/\b(?:tailored|personali[sz]ed|custom) (?:program|residency) list\b|\bsuccess stories\b/i, ['program list', 'residency list', 'success stories']],
  ]),
  // A medical school advising its own students about the Match in general.
  ...cues('advising', [
    [/\b(?:office of )?student affairs\b/i, ['student affairs']],
    [/\b(?:third|fourth)[- ]year (?:medical )?students\b|\bMS[34]s?\b/, ['third-year', 'third year', 'fourth-year', 'fourth year', 'ms3', 'ms4']],
    // Not "your faculty advisor": residents have those too.
    [/\byour (?:career|specialty|dean'?s|medical school) advis[oe]rs?\b|\bcareer advis(?:ing|ors?)\b/i, ['advis']],
    [/\bmatch week\b/i, ['match week']],
    // Not "visiting students should apply through VSLO", which program pages say.
    [/\bmost students\b|\bstudents (?:who need a visa|apply to \d+)\b/i, ['most students', 'students who need a visa', 'students apply to']],
  ]),
  // Data reports about the Match: outcomes of many applicants across specialties.
  ...cues('report', [
    [/\b(?:data|research|policy) brief\b|\bmethodology\b|\bdata (?:sources?|notes?|definitions)\b/i, ['brief', 'methodology', 'data ']],
    [/\b(?:table|figure|exhibit|chart) \d{1,2}\b/i, ['table ', 'figure ', 'exhibit ', 'chart ']],
    [/\bmatch rates? (?:by|for|of|among) (?:specialty|specialties|applicant|imgs?|international|u\.?s\.?)/i, ['match rate']],
    [/\b(?:percent|share|proportion) (?:of (?:applicants|positions|imgs) )?(?:who )?matched\b|\b(?:un)?matched applicants\b/i, ['percent', 'share', 'proportion', 'matched applicants', 'unmatched applicants']],
    [/\b(?:by|across|per) specialt(?:y|ies)\b/i, ['by specialt', 'across specialt', 'per specialt']],
  ]),
  // Directories and search results.
  ...cues('directory', [
    // Weak: data tables on program pages print "Showing 1 to 10 of 12 entries" too.
    [/\bshowing \d+\s*(?:[-–]|to)\s*\d+ of \d+\b|\b\d+ programs found\b/i, ['showing', 'programs found']],
    [/\bsearch (?:results|programs|the directory)\b|\bfilter by\b|\bsearch [\w ]{0,40}programs by\b/i, ['search ', 'filter by']],
  ]),
];

// Which cue words the page holds, in two regex scans over the page as it is (case-insensitive, so no
// lower-cased copy). Words that start a word are tried only where a word starts (\b), which skips
// most positions. Line-start words are found with the line break before them (the page is scanned
// with one put before it) rather than with ^, which would be tried at every position; symbol words
// are rare enough to skip ahead to. After each match the scan resumes one character later and also
// compares there every word with that first letter, so a word that starts where another matched
// first (or inside it) is found too. It may report a word that is not quite there (a "^" word that
// does not start a line), which only costs a test; it never misses one.
const CUE_WORDS = [...new Set(GENRE_CUES.flatMap((c) => c.needs ?? []))];
/** The characters a line starts after (where ^ matches in multiline mode). */
const LINE_BREAK = '\n\r\u2028\u2029';
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (words: string[]) => `(?:${words.map(escape).join('|')})`;
const startsWord = (w: string) => /^\w/.test(w);
const lineWords = CUE_WORDS.filter((w) => w[0] === '^').map((w) => w.slice(1));
const symbolWords = CUE_WORDS.filter((w) => !startsWord(w) && w[0] !== '^');
const WORD_SCAN = new RegExp(`\\b${anyOf(CUE_WORDS.filter(startsWord))}`, 'gi');
const LINE_AND_SYMBOL_SCAN = new RegExp(`[${LINE_BREAK}]${anyOf(lineWords)}|${anyOf(symbolWords)}`, 'gi');
/** Words by first character (after any "^"), and the longest word's length. */
const CUE_WORDS_BY_FIRST = new Map<string, { word: string; text: string }[]>();
let longestCueWord = 0;
for (const word of CUE_WORDS) {
  const text = word[0] === '^' ? word.slice(1) : word;
  CUE_WORDS_BY_FIRST.set(text[0]!, [...(CUE_WORDS_BY_FIRST.get(text[0]!) ?? []), { word, text }]);
  longestCueWord = Math.max(longestCueWord, text.length);
}

/** Exported for the soundness test (tests/lib/core/signals/detect-cues.test.ts). */
export function cueWordsIn(page: string): Set<string> {
  const found = new Set<string>();
  const scan = (re: RegExp, text: string) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      const start = LINE_BREAK.includes(text[at]!) ? at + 1 : at; // no word starts with a line break
      // Lower-cased for the comparison: the words are lower case, and each of their letters (ASCII)
      // matches in any case exactly the two letters that lower-case to it.
      const head = text.slice(start, start + longestCueWord).toLowerCase();
      for (const w of CUE_WORDS_BY_FIRST.get(head[0]!) ?? []) if (head.startsWith(w.text)) found.add(w.word);
      re.lastIndex = at + 1;
    }
  };
  scan(WORD_SCAN, page);
  scan(LINE_AND_SYMBOL_SCAN, `\n${page}`);
  return found;
}

// --- who speaks -----------------------------------------------------------------------------------

// The page speaking for one program. Quoted speech is removed first: a news story quoting the program
// director ("We could not be prouder") is not the program speaking.
const OWN_VOICE: RegExp[] = [
  /\b(?:our|this) (?:[\w-]+ ){0,3}?(?:residency|program|programme|residents|interns|categorical positions|graduates|alumni|faculty|selection committee|application process|institution|current class)\b/i,
  /\bwe (?:(?:do not|don't|cannot|can't|will not|won't|are (?:not )?able to|are unable to|no longer|only|also|generally|strongly|currently|typically|usually|will|may|mainly|mostly|gladly|happily|do) )?(?:accept|sponsor|offer|take|review|require|consider|participate|interview|welcome|train|receive|screen|prefer|encourage|look for|invite|recruit|rank|select|read|match|evaluate)\b/i,
  /\bthe (?:program|residency|institution|department|hospital)(?: director)? (?:does not |doesn't |will not |only |also |currently )?(?:sponsors?|accepts?|offers?|requires?|considers?|participates?|interviews?|welcomes?|trains?)\b/i,
  /\bthe program (?:director|coordinator|manager)\b/i,
  // GME office pages speak as the office or the institution ("North Valley accepts the J-1 visa").
  /\b(?:the|our) (?:gme|graduate medical education) office\b|\bthe office of graduate medical education (?!at\b)\w+/i,
  /\b(?!ECFMG\b)[A-Z][\w.'&-]+(?: [A-Z][\w.'&-]+){0,4} (?:does not |only |also )?(?:sponsors|accepts)\b(?! [\w-]+ (?:on behalf|for (?:all|every)))/,
];

// A phrase each OWN_VOICE pattern needs (case-insensitive): blocks without one skip all six.
const OWN_WORDS = /\b(?:our|this|we) |\bthe (?:program|residency|institution|department|hospital)|gme|graduate medical education|sponsors|accepts/i;

// The page speaking about programs in general: quantified or generic plurals ("most programs",
// "programs that sponsor", "each program's website", "apply to 80 programs"). Program pages rarely
// do this, and then about their institution's own programs ("our programs", "its programs").
const NOT_OWNED = String.raw`(?<!\b(?:our|its|their|these|those|your|his|her)\s(?:[\w-]+\s){0,3})`;
const GENERIC_VOICE: RegExp[] = [
  new RegExp(String.raw`\b(?:most|many|some|few|fewer|several|certain|competitive|community|university|academic|top|rural)\s(?:(?!our\b|its\b|their\b)[\w/-]+\s){0,3}?(?:programs|residencies)\b`, 'gi'),
  new RegExp(String.raw`${NOT_OWNED}\bprograms (?:that|which|who|with|usually|often|rarely|typically|generally|differ|vary|require|expect|screen|sponsor|accept|take|set|list|put|will|do|may|can|ask|rely|filter|only|tend|prefer|look|want|care|have|are|offer|need|begin)\b`, 'gi'),
  /\b(?:each|every|any) (?:[\w-]+ ){0,2}?program(?:'s)?\b(?! (?:director|coordinator|manager|leadership|year)s?\b)/gi,
  /\b(?:apply|applying|applied) (?:to|for) (?:\d+|many|more|several|multiple)\b[^.]{0,25}programs\b|\b\d+\+?(?:\s*(?:to|-|–)\s*\d+)?\s+programs\b/gi,
  /\b(?:which|what|those|these) (?:[\w-]+ ){0,3}?programs\b/gi,
  // The reader's program and applicants as a population: the voice of advice, not of a program.
  /\byour (?:residency |training |future )?program\b/gi,
  /\b(?:most|many|some|few|fewer|several)\s(?:[\w-]+\s)?(?:imgs|international medical graduates|applicants|candidates)\b|\bas an? (?:img|fmg|international medical graduate|foreign medical graduate)\b/gi,
];

// Questions are the applicant's voice ("As an IMG, am I eligible?", "How many programs should I
// apply to?"); only statements say who the page speaks for.
function statements(text: string): string {
  if (!text.includes('?')) return text;
  return text
    .split(/(?<=[.?!])\s+/)
    .filter((s) => !s.trimEnd().endsWith('?'))
    .join(' ');
}

// A news headline: a subject, then a verb of the news ("Residency Program Honors 2024 Graduates",
// "Metro General Welcomes 42 New Residents"). Program pages title themselves with noun phrases
// ("Applicant FAQ", "Internal Medicine Residency"); "Our residents match into…" is the program
// speaking and is left alone.
const HEADLINE_VERBS = [
  'celebrates', 'welcomes', 'launches', 'opens', 'receives', 'earns', 'honors', 'honours', 'announces',
  'expands', 'wins', 'hosts', 'marks', 'joins', 'achieves', 'completes', 'names', 'named', 'unveils',
  'plan to', 'plans to', 'match at', 'match into', 'matches at', 'honored', 'recognized',
];
/** The phrase tables, for tests (each must list a phrase once). */
export const DETECT_VOCABULARY: Record<string, readonly string[]> = {
  training: TRAINING_PHRASES,
  applicant: APPLICANT_PHRASES,
  medical: MEDICAL_PHRASES,
  headlineVerbs: HEADLINE_VERBS,
  negativeUrlSegments: [...NEG_URL_SEGMENTS],
};
const HEADLINE = new RegExp(`^(?!our\\b|where\\b|why\\b|how\\b|what\\b)(?:[\\w'’.&-]+ ){1,8}?(?:${alternation(HEADLINE_VERBS)}) [\\w$]`, 'i');

// A publication line near the top: "June 21, 2024", "Published March 15, 2024", "By X | Oct 2, 2023".
const DATE = String.raw`(?:${MONTH} \d{1,2},? \d{4}|${MONTH} \d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})`;
const PUBLICATION_LINE = new RegExp(
  String.raw`^(?:(?:published|posted|updated|last updated|date)(?: on)?:? )?(?:[^|·•]{0,60}[|·•] ?)?${DATE}(?: ?[|·•].{0,60})?$`,
  'i',
);
// A story's dateline: "DETROIT – Metro General…", "ALLENTOWN, Pa. – Fourteen…".
const DATELINE =
  /^(?!(?:USMLE|COMLEX|ECFMG|ERAS|NRMP|ACGME|FAQS?|IMGS?|PGY|GME|USCE|NOTE|UPDATE|IMPORTANT)\b)(?:[A-Z][a-z]?)?[A-Z]{3,}(?: [A-Z]{2,})*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)? [-–—] [A-Z0-9"“]/;
// Reported speech: '…," said Dr. Morales' / 'Haddad said'. Testimonials say "says".
// (Every REPORTED pattern has "said": blocks without it skip the pattern.)
const REPORTED = /["”],? said\b|\bsaid (?:Dr\.|the|[A-Z])|\b(?:[A-Z][a-z]+|he|she|they) said\b/;
// A listing row: another institution's program with its place ("… Program | Tucson, AZ", "… (TX)").
// (Only "Program"/"Residency" names: a program's own table of rotation hospitals or of where its
// graduates went to fellowship names hospitals and universities with their places too.)
const LISTING_WORDS = /Program|Residency/;
const LISTING_ROW =
  /\b[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*)* (?:Program|Residency)\b.{0,80}(?:\b[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2}\b|\([A-Z]{2}\))/;
// A numbered entry naming an institution's program ("3. Lone Star Regional Hospital Program"): a
// listicle's section. (An institution word is required: a program numbers its own tracks too,
// "1. Categorical Program", "2. Preliminary Program".)
const NUMBERED_ENTRY =
  /^\d{1,3}[.)]\s+[A-Z][^?]*\b(?:University|College|Hospital|Medical Center|Health|Healthcare|Clinic|Institute|Regional|Memorial|General|System)\b[^?]*\b(?:Program|Residency)\b[^?]*$/;

// --- application vocabulary and headings ------------------------------------------------------------

const OTHER_TRAINING_TITLE =
  /\b(?:visiting (?:medical )?students?|away rotations?|clerkships?|sub-?internships?|acting internships?|medical student education|student electives?|fellowships?|fellowship programs?)\b/i;
const OTHER_PROFESSION =
  /\b(?:pharmacy|pharmacists?|pharmd|dental|dentistry|dentists?|nurse|nurses|nursing|rns?|podiatr\w*|optometr\w*|psychology|psychologists?|physical therapy|physical therapists?|veterinary|chaplaincy|dietetic\w*|physician assistants?|nurse practitioners?)\b(?:\W+\w+){0,3}?\W+residency\b|\bresidency (?:in|for) (?:\w+ )?(?:pharmacy|dentistry|dental|nursing|podiatry|optometry|psychology)\b/i;
const RESIDENCY_TITLE = /\b(?:residency|residencies|residents?|gme|graduate medical education|interns?|internship|house ?staff)\b/i;
const POS_TITLE = /\b(?:residency|residents|fellowship|graduate medical education|gme|medical education|internship)\b/i;
// (Not "applicants": universities and employers have applicant pages too.)
const POS_URL = /\b(?:residency|residencies|residents?|gme|graduate medical education|medical education|fellowships?|internship)\b/i;
const APPLICATION = /\b(?:eras|nrmp|the match|acgme|ecfmg|pgy-?\s?[1-4]|categorical|interview season|rank order list)\b/i;

const QUOTED = /“[^”]*”|"[^"]*"/g;
// Text without its quoted speech; most blocks have no quote mark, so they skip the replace.
const unquoted = (text: string) => (text.includes('"') || text.includes('“') ? text.replace(QUOTED, ' ') : text);
// A word each GENERIC_VOICE pattern needs ("program(s)", "residencies", an IMG or applicant word):
// a cheap test that lets most blocks skip the seven patterns.
const GENERIC_WORDS = /program|residencies|img|fmg|medical graduate|applicant|candidate/i;

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
  // Pages for medical students (visiting rotations, clerkships) or for fellows only: a department's
  // other training, which speaks in the same voice about the same visas and Steps.
  else if (OTHER_TRAINING_TITLE.test(page.title) && !RESIDENCY_TITLE.test(page.title)) neg(2, 'title: students or fellows');
  // Residencies of other professions: "PGY1 Pharmacy Residency", "General Practice Residency in
  // Dentistry", "Nurse Residency Program".
  if (OTHER_PROFESSION.test(page.title)) neg(2, 'title: another profession');
  const titleSaysTraining = POS_TITLE.test(page.title);
  const urlSaysTraining = POS_URL.test(urlWords(page.url));
  if (titleSaysTraining) pos(2, 'title');
  if (urlSaysTraining) pos(1, 'url');

  // The page's own content: site chrome (menus, "Latest news" sidebars, footers) says nothing about
  // what this page is.
  const content: Block[] = page.blocks.filter((b) => !b.chrome);
  const lines = content.map(blockText);
  const text = lines.join('\n');

  const genres = new Map<string, string[]>();
  const cue = (genre: string, what: string) => genres.set(genre, [...(genres.get(genre) ?? []), what]);
  const words = cueWordsIn(text);
  for (const c of GENRE_CUES) {
    if (c.needs && !c.needs.some((w) => words.has(w))) continue;
    if (c.re.test(text)) cue(c.genre, c.re.source.slice(0, 30));
  }

  let headings = 0;
  let ownBlocks = 0;
  let genericHits = 0;
  let reported = 0;
  let listingRows = 0;
  let listingSections = 0;
  let dated = false;
  let dateline = false;
  let application = 0;
  let seenTopHeading = false;
  let sinceTop = 0;
  for (let i = 0; i < content.length; i++) {
    const b = content[i]!;
    const line = lines[i]!;
    if (b.kind === 'heading' && (b.level ?? 6) <= 2) {
      if (POS_TITLE.test(line) && headings < 2) headings++;
      // Publication lines and datelines sit just under the headline.
      if (!seenTopHeading) sinceTop = 0;
      seenTopHeading = true;
    }
    sinceTop++;
    const spoken = unquoted(line);
    if (OWN_WORDS.test(spoken) && OWN_VOICE.some((re) => re.test(spoken))) ownBlocks++;
    // Every generic-voice pattern needs one of GENERIC_WORDS: most blocks skip the seven patterns.
    const said = b.kind === 'qa' ? b.text : line;
    if (GENERIC_WORDS.test(said)) genericHits += Math.min(2, count(GENERIC_VOICE, unquoted(statements(said))));
    if (application < 2 && APPLICATION.test(line)) application++;
    if (b.kind !== 'heading' && line.includes('said') && REPORTED.test(line)) reported++;
    if (!dateline && sinceTop <= 4 && b.kind === 'paragraph' && line.length > 60 && DATELINE.test(line)) dateline = true;
    if (!dated && sinceTop <= 4 && b.kind === 'paragraph' && line.length <= 120 && PUBLICATION_LINE.test(line)) dated = true;
    // Both listing patterns need "Program" or "Residency": most headings and rows skip them.
    if (b.kind !== 'paragraph' && LISTING_WORDS.test(line)) {
      if (b.kind === 'heading' && (LISTING_ROW.test(line) || NUMBERED_ENTRY.test(line))) listingSections++;
      else if (LISTING_ROW.test(line)) listingRows++;
    }
  }

  // Story furniture: a publication line or dateline at the top and reported speech (one quote with
  // "said" can be a testimonial; two make a story).
  const h1 = content.find((b) => b.kind === 'heading' && b.level === 1)?.text ?? '';
  const titleHead = page.title.split(/\s+[|–—-]\s+/)[0] ?? '';
  if (HEADLINE.test(h1) || HEADLINE.test(titleHead)) cue('news', 'headline');
  if (dated) cue('news', 'publication date');
  if (dateline) cue('news', 'dateline');
  if (reported >= 2) cue('news', `reported speech x${reported}`);
  for (const [genre, hits] of genres) neg(hits.length >= 2 ? hits.length : 0.5, `${genre}: ${hits.join(' / ')}`);
  // Other programs, each with its place or number: a directory or a listicle. As sections (one
  // heading per program, "This program sponsors…" under each) that is a listicle whatever its voice;
  // as rows, a transitional-year page listing where its interns matched does the same while
  // speaking for itself, so there it weighs less.
  if (listingSections >= 3) neg(2, `listing sections x${listingSections}`);
  else if (listingRows + listingSections >= 4) neg(ownBlocks < 2 ? 2 : 1, `listing rows x${listingRows + listingSections}`);
  // Talk about programs in general outweighing talk for one program. A GME office speaks about its
  // programs in the plural too ("some programs sponsor the H-1B"), but also for its institution, so
  // only a clear majority of generic talk counts in full.
  // On a GME office's own page ("… | Graduate Medical Education | …", /gme/…) "every program", "each
  // program's page", "some programs set their own limits" is the office speaking of its programs.
  if (GME_OFFICE.test(page.title) || GME_OFFICE.test(urlWords(page.url))) genericHits /= 2;
  if (genericHits >= 3 && genericHits > 2 * ownBlocks) neg(2, `generic voice ${genericHits} vs own ${ownBlocks}`);
  else if (genericHits >= 2 && genericHits > ownBlocks) neg(1, `generic voice ${genericHits} vs own ${ownBlocks}`);

  reasons.push(`voice: own ${ownBlocks}, generic ${genericHits}`);
  pos(headings, 'headings');
  pos(Math.min(3, ownBlocks), `own voice x${ownBlocks}`);
  pos(application, 'application vocabulary');

  // Speaking for a program is not enough on its own: a university's admissions FAQ does that too.
  // Something must place the page in residency training (title, URL, a top heading, or the
  // vocabulary of the Match).
  const training = titleSaysTraining || urlSaysTraining || headings > 0 || application > 0;
  if (!training) reasons.push('nothing places the page in residency training');
  const isProgramPage = negative < 2 && positive >= 3 && training;
  return { isProgramPage, positive, negative, reasons };
}
