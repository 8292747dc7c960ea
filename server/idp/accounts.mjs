// Demo accounts for the Carnet local identity provider.
//
// All accounts share the password `carnet-demo`. The OIDC `sub` is the
// username. These are fictitious people; the SSINs are synthetic (valid
// checksums, except for `broken`, which is deliberately invalid, and `nossin`,
// which has no SSIN at all).

import { createHash, timingSafeEqual } from 'node:crypto';

export const DEMO_PASSWORD = 'carnet-demo';

/** @type {Record<string, {name: string, given_name: string, family_name: string, birthdate: string, ssin?: string, roles: string[]}>} */
const ACCOUNTS = {
  sofie: {
    name: 'Sofie Janssens',
    given_name: 'Sofie',
    family_name: 'Janssens',
    birthdate: '1985-04-12',
    ssin: '85041212468',
    roles: ['citizen'],
  },
  marc: {
    name: 'Marc Dubois',
    given_name: 'Marc',
    family_name: 'Dubois',
    birthdate: '1980-09-03',
    ssin: '80090315741',
    roles: ['citizen'],
  },
  nora: {
    name: 'Nora Dubois',
    given_name: 'Nora',
    family_name: 'Dubois',
    birthdate: '2009-05-07',
    ssin: '09050706674',
    roles: ['citizen'],
  },
  jonas: {
    name: 'Jonas Wouters',
    given_name: 'Jonas',
    family_name: 'Wouters',
    birthdate: '1999-09-21',
    ssin: '99092109559',
    roles: ['citizen'],
  },
  maria: {
    name: 'Maria Van den Bossche',
    given_name: 'Maria',
    family_name: 'Van den Bossche',
    birthdate: '1941-02-27',
    ssin: '41022703827',
    roles: ['citizen'],
  },
  pieter: {
    name: 'Pieter Van den Bossche',
    given_name: 'Pieter',
    family_name: 'Van den Bossche',
    birthdate: '1968-08-14',
    ssin: '68081420385',
    roles: ['citizen'],
  },
  // Synthetic person whose every kind of data carries a unique "canary" string, for the
  // content matrix test (server/demo-hubs/data/README.md, "Cora").
  cora: {
    name: 'Cora Canary',
    given_name: 'Cora',
    family_name: 'Canary',
    birthdate: '1990-03-03',
    ssin: '90030312349',
    roles: ['citizen'],
  },
  // A second helpdesk agent (staff only): a code another agent holds is refused to him.
  karim: {
    name: 'Karim Haddad',
    given_name: 'Karim',
    family_name: 'Haddad',
    birthdate: '1988-03-15',
    ssin: '88031512731',
    roles: ['helpdesk'],
  },
  lotte: {
    name: 'Lotte Claes',
    given_name: 'Lotte',
    family_name: 'Claes',
    birthdate: '1992-01-30',
    ssin: '92013014620',
    roles: ['citizen', 'helpdesk'],
  },
  // Synthetic person whose data attacks the portal (server/demo-hubs/data/README.md,
  // "Hostile"): even the display name is markup, which the portal must show as text.
  hostile: {
    name: 'Hostile <img src=x onerror=alert(1)> "\'><script>alert(1)</script> Tester',
    given_name: 'Hostile <svg onload=alert(1)>',
    family_name: '</title><script>alert(1)</script> Tester',
    birthdate: '1977-07-07',
    ssin: '77070712372',
    roles: ['citizen'],
  },
  // Deliberately invalid SSIN checksum, to exercise the portal's error page.
  broken: {
    name: 'Test Invalid-Ssin',
    given_name: 'Test',
    family_name: 'Invalid-Ssin',
    birthdate: '1985-04-12',
    ssin: '85041212469',
    roles: ['citizen'],
  },
  // No `ssin` claim at all.
  nossin: {
    name: 'Test No-Ssin',
    given_name: 'Test',
    family_name: 'No-Ssin',
    birthdate: '1990-01-01',
    roles: ['citizen'],
  },
};

export const USERNAMES = Object.freeze(Object.keys(ACCOUNTS));

function digest(value) {
  return createHash('sha256').update(String(value), 'utf8').digest();
}

const PASSWORD_DIGEST = digest(DEMO_PASSWORD);

/**
 * Checks a username/password pair. Returns the account id (= username) on
 * success, or null.
 */
export function authenticate(username, password) {
  const id = typeof username === 'string' ? username.trim().toLowerCase() : '';
  const passwordOk = timingSafeEqual(digest(password ?? ''), PASSWORD_DIGEST);
  if (!Object.hasOwn(ACCOUNTS, id) || !passwordOk) {
    return null;
  }
  return id;
}

/** oidc-provider `findAccount` hook. */
export async function findAccount(_ctx, id) {
  if (typeof id !== 'string' || !Object.hasOwn(ACCOUNTS, id)) {
    return undefined;
  }
  const account = ACCOUNTS[id];
  return {
    accountId: id,
    // oidc-provider filters these by the granted scopes/claims.
    async claims(_use, _scope, _claims, _rejected) {
      const claims = {
        sub: id,
        name: account.name,
        given_name: account.given_name,
        family_name: account.family_name,
        birthdate: account.birthdate,
        roles: [...account.roles],
      };
      if (account.ssin !== undefined) {
        claims.ssin = account.ssin;
      }
      return claims;
    },
  };
}
