// Years out of medical school, counted at the start of the training the applicant is applying for
// (FIT_MODEL principle 5): the Match is in March and training starts in July, so from June on the
// next application season is for next year's July; before June, it is still this year's.
// UTC calendar fields keep the answer the same on every machine (the day of change is a few hours
// off for users far from UTC, which no graduation limit is sensitive to).

const JUNE = 5; // Date months count from 0

/** The calendar year in which training would start for an application made at `now`. */
export function trainingStartYear(now: Date): number {
  const year = now.getUTCFullYear();
  return now.getUTCMonth() >= JUNE ? year + 1 : year;
}

/** Training start year − graduation year (0 or negative for this year's and future graduates). */
export function yearsOut(graduationYear: number, now: Date): number {
  return trainingStartYear(now) - graduationYear;
}
