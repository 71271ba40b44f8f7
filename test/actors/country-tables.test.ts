import assert from 'node:assert/strict';
import { test } from 'node:test';
import isoCountries from 'i18n-iso-countries';
import { englishCountryNames } from '../../src/actors/countries.js';

test('the English country names read from i18n-iso-countries\' English table are the package\'s own getNames', () => {
  assert.deepEqual(englishCountryNames(), isoCountries.getNames('en', { select: 'all' }));
});
