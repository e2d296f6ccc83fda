import { describe, expect, test } from 'vitest';
import { EMPTY_FORM, FIELD_PATH, formFromProfile, unplacedErrors, validateForm } from '../../../components/popup/profile-form';
import { PROFILE } from './fake-actions';

describe('profile form', () => {
  test('a saved profile survives the round trip through the form', () => {
    const v = validateForm(formFromProfile(PROFILE));
    expect(v).toEqual({ ok: true, profile: PROFILE });
  });

  test('empty scores mean not taken; empty months mean none', () => {
    const v = validateForm({ ...EMPTY_FORM, visa: 'none', graduationYear: '2020', usceMonths: '', usResidencyMonths: '' });
    expect(v.ok && v.profile).toMatchObject({ step1: { score: null }, step2ck: { score: null }, usce: { months: 0 }, usResidencyMonths: 0 });
  });

  test('a decimal comma is read as a point', () => {
    const v = validateForm({ ...formFromProfile(PROFILE), usceMonths: '2,5' });
    expect(v.ok && v.profile.usce.months).toBe(2.5);
  });

  test.each([
    ['step2Score', '0', 'Step 2 CK scores run from 1 to 300'],
    ['step2Score', '214.5', 'Step 2 CK score must be a whole number'],
    ['step1Attempts', '11', 'Step 1 attempts: 10 at most'],
    ['graduationYear', 'last year', 'Graduation year must be a year such as 2021'],
    ['usResidencyMonths', '500', 'US residency months: 120 at most'],
  ] as const)('%s = %j → %s', (key, value, message) => {
    const v = validateForm({ ...formFromProfile(PROFILE), [key]: value });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[FIELD_PATH[key]]).toBe(message);
  });

  test('an invalid array item is reported on its list, not lost', () => {
    const v = validateForm({ ...formFromProfile(PROFILE), states: ['NY', 'nowhere'] });
    expect(!v.ok && v.errors.states).toBe('States are two capital letters, such as NY');
    expect(!v.ok && unplacedErrors(v.errors)).toEqual([]);
  });

  test('the visa question asks in words when unanswered', () => {
    const v = validateForm({ ...formFromProfile(PROFILE), visa: '' });
    expect(!v.ok && v.errors.visa).toMatch(/^Choose the visa you need/);
  });
});
