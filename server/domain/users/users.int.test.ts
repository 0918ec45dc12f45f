// Issue 21: the users API over REST — creating users with a password or an emailed invite, reading and replacing
// them, setting passwords, removing them, their one role and direct grants — with every refusal the issue names:
// privilege escalation in every form, the last owner (also two owners demoting each other at once), API keys losing
// scopes with their creator, sessions ending on a password set by an admin, and the security log.
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../auth/permissions';
import { resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson } from '../../test/coaching';
import { setUserRole } from './manage-users';
import { newTenant, PASSWORD, randomIp, uniqueEmail } from '../../test/factories';

const peer = () => ({ 'x-pitchcraft-peer': randomIp() });
const signIn = (email: string, password: string) => api('POST', '/auth/token', { headers: peer(), json: { email, password } });
const as = (access: string, organizationId: string) => ({ authorization: `Bearer ${access}`, 'x-organization-id': organizationId });

/** The token of the newest email to `to` whose link matches. */
async function linkTokenTo(to: string) {
  const mail = await db.emailMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: 'desc' } });
  return { mail, token: mail.text.match(/\/invite\/(inv_[\w-]+)/)?.[1] ?? null };
}

describe('POST /users and GET /users', () => {
  it('adds a user with a password who signs in at once; never answers a password or its hash', async () => {
    const t = await newTenant('users-create');
    const email = uniqueEmail('new-hire');
    const res = await api('POST', '/users', { headers: t.orgHeaders, json: { email, firstName: 'Grace', lastName: 'Hopper', password: 'a long enough one', role: 'manager' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/users/${res.body.id}`);
    expect(res.body).toMatchObject({ email, firstName: 'Grace', lastName: 'Hopper', role: { id: 'manager', name: 'Manager', builtIn: true }, permissions: [], status: 'active' });
    expect(res.body.effectivePermissions).toContain('calls:read');
    expect(res.text).not.toMatch(/argon2|password/i);

    const token = await signIn(email, 'a long enough one');
    expect(token.status).toBe(200);
    expect((await api('GET', '/calls', { headers: as(token.body.access, t.organizationId) })).status).toBe(200);

    const list = await api('GET', '/users?ordering=email', { headers: t.keyHeaders });
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(2);
    expect(list.text).not.toMatch(/argon2|passwordHash/);
    const one = await api('GET', `/users/${res.body.id}`, { headers: t.keyHeaders });
    expect(one.body).toEqual(res.body);
  });

  it('refuses unknown fields (organizationId), an email already in the organization, a bad role; changes nothing', async () => {
    const t = await newTenant('users-refuse');
    const other = await newTenant('users-refuse-other');
    const email = uniqueEmail('refused');
    const smuggled = await api('POST', '/users', { headers: t.orgHeaders, json: { email, firstName: 'A', lastName: 'B', password: 'a long enough one', organizationId: other.organizationId } });
    expect([smuggled.status, smuggled.body.code]).toEqual([422, 'validation_failed']);
    expect(smuggled.body.errors).toEqual([expect.objectContaining({ path: 'organizationId' })]);
    const short = await api('POST', '/users', { headers: t.orgHeaders, json: { email, firstName: 'A', lastName: 'B', password: 'short' } });
    expect(short.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
    const badRole = await api('POST', '/users', { headers: t.orgHeaders, json: { email, firstName: 'A', lastName: 'B', role: 'superuser' } });
    expect([badRole.status, badRole.body.errors]).toEqual([422, [expect.objectContaining({ path: 'role' })]]);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const dup = await api('POST', '/users', { headers: t.orgHeaders, json: { email: t.owner.email.toUpperCase(), firstName: 'A', lastName: 'B' } });
    expect([dup.status, dup.body.code]).toEqual([409, 'conflict']);
    // Someone's existing account elsewhere is never given a password by another organization.
    const taken = await api('POST', '/users', { headers: t.orgHeaders, json: { email: other.owner.email, firstName: 'A', lastName: 'B', password: 'a long enough one' } });
    expect(taken.status).toBe(409);
    expect((await signIn(other.owner.email, PASSWORD)).status).toBe(200);
  });

  it('without a password emails an invite: the account waits (invited) until its person chooses one from the link', async () => {
    const t = await newTenant('users-invite');
    const email = uniqueEmail('invitee');
    const res = await api('POST', '/users', { headers: t.orgHeaders, json: { email, firstName: 'Katherine', lastName: 'Johnson' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'invited', role: { id: 'member' } });
    const { mail, token } = await linkTokenTo(email);
    expect(mail.subject).toMatch(/^Join Org users-invite/);
    expect(token).toBeTruthy();
    // Nobody can sign in to it meanwhile, whatever they try.
    expect((await signIn(email, '')).status).toBe(422);
    expect((await signIn(email, 'anything at all')).status).toBe(401);
    expect((await api('GET', '/users?status=invited', { headers: t.orgHeaders })).body.results.map((u: { email: string }) => u.email)).toEqual([email]);
    // The team invites list is for teams; this one belongs to the user.
    expect((await api('GET', '/invites', { headers: t.orgHeaders })).body.count).toBe(0);

    const preview = await api('GET', `/invites/${token}`, { headers: peer() });
    expect(preview.body).toMatchObject({ email, teamName: null, existingAccount: false, suggestedName: { firstName: 'Katherine', lastName: 'Johnson' } });
    const accepted = await api('POST', `/invites/${token}/accept`, { headers: peer(), json: { firstName: 'Katherine', lastName: 'Johnson', password: 'orbital mechanics 1962' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ organizationId: t.organizationId, team: null, user: { id: res.body.id } });
    expect((await signIn(email, 'orbital mechanics 1962')).status).toBe(200);
    expect((await api('GET', `/users/${res.body.id}`, { headers: t.orgHeaders })).body.status).toBe('active');
    // The link is spent, and the account now has a password nobody else can claim.
    expect((await api('POST', `/invites/${token}/accept`, { headers: peer(), json: { firstName: 'M', lastName: 'X', password: 'takeover attempt 1' } })).status).toBe(410);
  });

  it('lists with search, role and status filters and pages', async () => {
    const t = await newTenant('users-list');
    await addPerson(t, 'list-manager', { role: 'manager' });
    await addPerson(t, 'list-member', { role: 'member' });
    const names = async (q: string) => (await api('GET', `/users?${q}`, { headers: t.orgHeaders })).body.results.map((u: { lastName: string }) => u.lastName);
    expect(await names('role=manager')).toEqual(['list-manager']);
    expect((await names('role=owner,member')).sort()).toEqual(['list-member', 'users-list']);
    expect(await names('search=LIST-mem')).toEqual(['list-member']);
    expect(await names('role=00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await names('role=valueOf,constructor,__proto__')).toEqual([]);
    const page = await api('GET', '/users?limit=1&offset=1&ordering=-name', { headers: t.orgHeaders });
    expect(page.body).toMatchObject({ count: 3, results: [{ lastName: 'list-member' }] });
    expect(page.body.next).toMatch(/offset=2/);
    expect((await api('GET', '/users?status=nope', { headers: t.orgHeaders })).status).toBe(422);
  });
});

describe('PUT and DELETE /users/{id}', () => {
  it('replaces the profile of an account this organization alone holds, never one other organizations share', async () => {
    const t = await newTenant('users-put');
    const added = await api('POST', '/users', { headers: t.orgHeaders, json: { email: uniqueEmail('put'), firstName: 'Old', lastName: 'Name', password: 'a long enough one' } });
    const email = uniqueEmail('put-new');
    const put = await api('PUT', `/users/${added.body.id}`, { headers: t.orgHeaders, json: { email, firstName: 'New', lastName: 'Name' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ email, firstName: 'New' });
    expect((await api('PUT', `/users/${added.body.id}`, { headers: t.orgHeaders, json: { email, firstName: 'New', lastName: 'Name', role: 'owner' } })).status).toBe(422);
    expect((await api('PUT', `/users/${added.body.id}`, { headers: t.orgHeaders, json: { email: t.owner.email, firstName: 'New', lastName: 'Name' } })).status).toBe(409);

    // A person who also belongs elsewhere is theirs to edit.
    const elsewhere = await newTenant('users-put-elsewhere');
    await db.membership.create({ data: { userId: elsewhere.owner.userId, organizationId: t.organizationId, role: 'member' } });
    const refused = await api('PUT', `/users/${elsewhere.owner.userId}`, { headers: t.orgHeaders, json: { email: uniqueEmail('hijack'), firstName: 'Mallory', lastName: 'X' } });
    expect([refused.status, refused.body.detail]).toEqual([403, expect.stringMatching(/also belongs to other organizations/)]);
    expect((await db.user.findUniqueOrThrow({ where: { id: elsewhere.owner.userId } })).email).toBe(elsewhere.owner.email);
    const logged = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'user.updated' } });
    expect(logged.detail).toMatchObject({ userId: added.body.id, from: { firstName: 'Old' }, to: { firstName: 'New', email } });
  });

  it('removing a user ends their access in the organization at once; what they made stays', async () => {
    const t = await newTenant('users-delete');
    const rep = await addPerson(t, 'delete-rep', { role: 'member' });
    const team = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: 'Stays' } });
    expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(200);
    expect((await api('DELETE', `/users/${rep.userId}`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(404);
    expect((await api('GET', `/users/${rep.userId}`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('DELETE', `/users/${rep.userId}`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('GET', `/teams/${team.body.id}`, { headers: t.orgHeaders })).status).toBe(200);
    // Their account stays: they still sign in (and belong nowhere).
    expect((await signIn(rep.email, PASSWORD)).status).toBe(200);
    const logged = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'member.removed' } });
    expect(logged).toMatchObject({ actorApiKeyId: null, actorUserId: t.owner.userId, detail: { userId: rep.userId, role: 'member', left: false } });
  });
});

describe('PUT /users/{id}/password', () => {
  it('sets the password and ends every session, access and refresh token of the person; nobody sets an owner’s', async () => {
    const t = await newTenant('users-password');
    const admin = await addPerson(t, 'pw-admin', { role: 'admin' });
    const rep = await addPerson(t, 'pw-rep', { role: 'member' });
    expect((await api('PUT', `/users/${rep.userId}/password`, { headers: admin.headers, json: { password: 'short' } })).status).toBe(422);
    expect((await api('PUT', `/users/${rep.userId}/password`, { headers: admin.headers, json: { password: 'a brand new secret', extra: 1 } })).status).toBe(422);
    const signedInAt = Date.now();
    await new Promise((r) => setTimeout(r, 5)); // the cut-off is to the millisecond
    const set = await api('PUT', `/users/${rep.userId}/password`, { headers: admin.headers, json: { password: 'a brand new secret' } });
    expect(set.status).toBe(204);
    // A browser session signed in before is refused from now on (next-auth's session carries when it signed in).
    await expect(resolveUserContext({ userId: rep.userId, issuedAt: signedInAt, requestId: 'browser' })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await resolveUserContext({ userId: rep.userId, issuedAt: Date.now(), requestId: 'browser' })).toMatchObject({ organizationId: t.organizationId });
    expect((await api('GET', '/me', { headers: rep.bearer })).status).toBe(401);
    expect((await api('POST', '/auth/token/refresh', { headers: peer(), json: { refresh: rep.refresh } })).status).toBe(401);
    expect((await signIn(rep.email, PASSWORD)).status).toBe(401);
    expect((await signIn(rep.email, 'a brand new secret')).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: rep.userId } })).credentialsChangedAt).not.toBeNull();

    // An admin holds less than an owner: 403, and the owner's password is untouched.
    const onOwner = await api('PUT', `/users/${t.owner.userId}/password`, { headers: admin.headers, json: { password: 'owned by the admin' } });
    expect(onOwner.status).toBe(403);
    expect((await signIn(t.owner.email, PASSWORD)).status).toBe(200);
    // One's own password is changed with the current one, from the account.
    expect((await api('PUT', `/users/${admin.userId}/password`, { headers: admin.headers, json: { password: 'no current needed' } })).status).toBe(403);
    expect(await db.auditEvent.count({ where: { organizationId: t.organizationId, type: 'user.password_set', actorUserId: admin.userId } })).toBe(1);
  });
});

describe('privilege escalation is refused in every form (403), and nothing changes', () => {
  it('an admin cannot grant a permission they lack, give a custom role holding one, or make anyone (themselves included) owner', async () => {
    const t = await newTenant('escalate');
    const admin = await addPerson(t, 'esc-admin', { role: 'admin' });
    const rep = await addPerson(t, 'esc-rep', { role: 'member' });
    // Two owners, so acting on one is a question of the grant rule, not of the last owner.
    await addPerson(t, 'esc-owner2', { role: 'owner' });
    const mighty = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Mighty', permissions: ['organization:delete', 'members:read'] } });
    expect(mighty.status).toBe(201);

    const attempts: [string, string, unknown?][] = [
      ['PUT', `/users/${rep.userId}/permissions/organization:delete`],
      ['PUT', `/users/${rep.userId}/roles/${mighty.body.id}`],
      ['PUT', `/users/${admin.userId}/roles/owner`],
      ['PUT', `/users/${rep.userId}/roles/owner`],
      ['PUT', `/users/${admin.userId}/permissions/organization:delete`],
      ['POST', '/users', { email: uniqueEmail('esc-new'), firstName: 'E', lastName: 'X', role: mighty.body.id }],
      ['POST', '/users', { email: uniqueEmail('esc-new'), firstName: 'E', lastName: 'X', permissions: ['organization:delete'] }],
      ['POST', '/users', { email: uniqueEmail('esc-new'), firstName: 'E', lastName: 'X', role: 'owner' }],
      ['POST', '/roles', { name: 'Sneaky', permissions: ['organization:delete'] }],
      ['PUT', `/roles/${mighty.body.id}`, { name: 'Mighty', permissions: ['members:read'] }],
      ['DELETE', `/roles/${mighty.body.id}`],
      ['DELETE', `/users/${t.owner.userId}`],
      ['PUT', `/users/${t.owner.userId}/roles/member`],
    ];
    for (const [method, path, json] of attempts) {
      const res = await api(method, path, { headers: admin.headers, ...(json ? { json } : {}) });
      expect([res.status, res.body?.code], `${method} ${path}`).toEqual([403, 'forbidden']);
    }
    const members = await db.membership.findMany({ where: { organizationId: t.organizationId }, orderBy: { createdAt: 'asc' } });
    expect(members.map((m) => [m.role, m.customRoleId, m.permissions])).toEqual([['owner', null, []], ['admin', null, []], ['member', null, []], ['owner', null, []]]);
    expect(await db.customRole.count({ where: { organizationId: t.organizationId } })).toBe(1);
  });

  it('someone given members:manage directly, or an API key with it, gives nothing beyond what they hold', async () => {
    const t = await newTenant('escalate-grant');
    const hr = await addPerson(t, 'esc-hr', { role: 'member' });
    expect((await api('PUT', `/users/${hr.userId}/permissions/members:manage`, { headers: t.orgHeaders })).status).toBe(200);
    const rep = await addPerson(t, 'esc-rep2', { role: 'member' });
    expect((await api('PUT', `/users/${rep.userId}/roles/manager`, { headers: hr.headers })).status).toBe(403);
    expect((await api('PUT', `/users/${rep.userId}/permissions/audit:read`, { headers: hr.headers })).status).toBe(403);
    // …but may give what they hold.
    expect((await api('PUT', `/users/${rep.userId}/permissions/members:read`, { headers: hr.headers })).status).toBe(200);

    // A key that holds what a member holds, and members:manage: it may add members, nothing more.
    const key = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'provisioning', scopes: [...ROLE_PERMISSIONS.member, 'members:manage'] } });
    const byKey = { 'x-api-key': key.body.key };
    const keyOnlyMembers = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'too narrow', scopes: ['members:read', 'members:manage'] } });
    const narrow = await api('POST', '/users', { headers: { 'x-api-key': keyOnlyMembers.body.key }, json: { email: uniqueEmail('narrow'), firstName: 'N', lastName: 'Y' } });
    expect([narrow.status, narrow.body.detail]).toEqual([403, expect.stringMatching(/this API key's scopes do not hold/)]);
    expect((await api('PUT', `/users/${rep.userId}/roles/manager`, { headers: byKey })).status).toBe(403);
    expect((await api('POST', '/users', { headers: byKey, json: { email: uniqueEmail('key-new'), firstName: 'K', lastName: 'Y', role: 'owner' } })).status).toBe(403);
    expect((await api('POST', '/users', { headers: byKey, json: { email: uniqueEmail('key-new'), firstName: 'K', lastName: 'Y', password: 'provisioned by key' } })).status).toBe(201);
  });
});

describe('lower roles', () => {
  it('a member or a manager reads users and roles but changes nothing (403); a custom role without members:read sees none of it', async () => {
    const t = await newTenant('lower-roles');
    const rep = await addPerson(t, 'low-rep', { role: 'member' });
    const manager = await addPerson(t, 'low-manager', { role: 'manager' });
    const other = await addPerson(t, 'low-other', { role: 'member' });
    const role = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Lead desk', permissions: ['organization:read', 'leads:read'] } });
    const before = await db.membership.findMany({ where: { organizationId: t.organizationId }, orderBy: { createdAt: 'asc' } });
    const writes: [string, string, unknown?][] = [
      ['POST', '/users', { email: uniqueEmail('low-new'), firstName: 'L', lastName: 'X' }],
      ['PUT', `/users/${other.userId}`, { email: uniqueEmail('low-put'), firstName: 'L', lastName: 'X' }],
      ['DELETE', `/users/${other.userId}`],
      ['PUT', `/users/${other.userId}/password`, { password: 'taken over by a peer' }],
      ['PUT', `/users/${other.userId}/roles/${role.body.id}`],
      ['DELETE', `/users/${other.userId}/roles/member`],
      ['PUT', `/users/${other.userId}/permissions/organization:read`],
      ['DELETE', `/users/${other.userId}/permissions/organization:read`],
      ['POST', '/roles', { name: 'Peer role', permissions: [] }],
      ['PUT', `/roles/${role.body.id}`, { name: 'Renamed', permissions: [] }],
      ['DELETE', `/roles/${role.body.id}`],
    ];
    for (const person of [rep, manager]) {
      expect((await api('GET', '/users', { headers: person.headers })).status).toBe(200);
      expect((await api('GET', '/roles', { headers: person.headers })).status).toBe(200);
      expect((await api('GET', '/permissions', { headers: person.headers })).status).toBe(200);
      for (const [method, path, json] of writes) {
        const res = await api(method, path, { headers: person.headers, ...(json ? { json } : {}) });
        expect([res.status, res.body?.code], `${person.email} ${method} ${path}`).toEqual([403, 'forbidden']);
      }
    }
    expect(await db.membership.findMany({ where: { organizationId: t.organizationId }, orderBy: { createdAt: 'asc' } })).toEqual(before);
    expect((await db.customRole.findUniqueOrThrow({ where: { id: role.body.id } })).name).toBe('Lead desk');

    // Given a role that does not read members, the lists and each user close too.
    expect((await api('PUT', `/users/${rep.userId}/roles/${role.body.id}`, { headers: t.orgHeaders })).status).toBe(200);
    for (const path of ['/users', `/users/${other.userId}`, '/roles', `/roles/${role.body.id}`]) {
      expect((await api('GET', path, { headers: rep.headers })).status, path).toBe(403);
    }
  });
});

describe('roles and direct grants', () => {
  it('a member holds exactly one role: PUT sets it, DELETE of the current one returns them to member; grants add on top', async () => {
    const t = await newTenant('roles-one');
    const rep = await addPerson(t, 'one-rep', { role: 'member' });
    const closer = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Closer', description: 'Takes calls, reads leads', permissions: ['organization:read', 'calls:answer', 'leads:read'] } });
    const set = await api('PUT', `/users/${rep.userId}/roles/${closer.body.id}`, { headers: t.orgHeaders });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ role: { id: closer.body.id, name: 'Closer', builtIn: false } });
    expect(set.body.effectivePermissions.sort()).toEqual(['calls:answer', 'leads:read', 'organization:read']);
    // The custom role replaces member's permissions: practice sessions are closed to them now.
    expect((await api('GET', '/leads', { headers: rep.headers })).status).toBe(200);
    expect((await api('GET', '/sessions', { headers: rep.headers })).status).toBe(403);
    const granted = await api('PUT', `/users/${rep.userId}/permissions/sessions:read`, { headers: t.orgHeaders });
    expect(granted.body.permissions).toEqual(['sessions:read']);
    expect((await api('PUT', `/users/${rep.userId}/permissions/sessions:read`, { headers: t.orgHeaders })).status).toBe(200);
    expect((await api('GET', '/sessions', { headers: rep.headers })).status).toBe(200);

    expect((await api('DELETE', `/users/${rep.userId}/roles/manager`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('DELETE', `/users/${rep.userId}/roles/${closer.body.id}`, { headers: t.orgHeaders })).status).toBe(204);
    const after = await api('GET', `/users/${rep.userId}`, { headers: t.orgHeaders });
    expect(after.body).toMatchObject({ role: { id: 'member' }, permissions: ['sessions:read'] });
    expect((await api('DELETE', `/users/${rep.userId}/permissions/sessions:read`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await api('DELETE', `/users/${rep.userId}/permissions/sessions:read`, { headers: t.orgHeaders })).status).toBe(404);
    // Unknown permission and role ids are 404, never 500.
    expect((await api('PUT', `/users/${rep.userId}/permissions/nope:nope`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('PUT', `/users/${rep.userId}/permissions/${encodeURIComponent('apiKeys:read%00')}`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('PUT', `/users/${rep.userId}/roles/superuser`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('PUT', `/users/${rep.userId}/roles/00000000-0000-4000-8000-000000000000`, { headers: t.orgHeaders })).status).toBe(404);

    const log = await db.auditEvent.findMany({ where: { organizationId: t.organizationId, type: { in: ['member.role_changed', 'member.permission_granted', 'member.permission_revoked'] } }, orderBy: { createdAt: 'asc' } });
    expect(log.map((e) => [e.type, e.actorUserId, (e.detail as { userId: string }).userId, (e.detail as { from: unknown }).from, (e.detail as { to: unknown }).to])).toEqual([
      ['member.role_changed', t.owner.userId, rep.userId, 'member', 'Closer'],
      ['member.permission_granted', t.owner.userId, rep.userId, [], ['sessions:read']],
      ['member.role_changed', t.owner.userId, rep.userId, 'Closer', 'member'],
      ['member.permission_revoked', t.owner.userId, rep.userId, ['sessions:read'], []],
    ]);
  });
});

describe('the last owner', () => {
  it('can neither be demoted, nor removed, nor leave (409)', async () => {
    const t = await newTenant('last-owner');
    for (const [method, path] of [['PUT', `/users/${t.owner.userId}/roles/admin`], ['DELETE', `/users/${t.owner.userId}/roles/owner`], ['DELETE', `/users/${t.owner.userId}`]] as const) {
      const res = await api(method, path, { headers: t.orgHeaders });
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([409, 'conflict']);
    }
    expect((await db.membership.findFirstOrThrow({ where: { organizationId: t.organizationId } })).role).toBe('owner');
  });

  it('stays when two owners demote each other at the same instant (409 for the second)', async () => {
    for (let round = 0; round < 4; round++) {
      const t = await newTenant(`owner-race-${round}`);
      const second = await addPerson(t, `race-${round}`, { role: 'owner' });
      // Both requests are in: each caller is an owner when it asks.
      const [firstCtx, secondCtx] = await Promise.all([t.owner.userId, second.userId].map((userId) => resolveUserContext({ userId, requestedOrganizationId: t.organizationId, requestId: 'race' })));
      const results = await Promise.allSettled([setUserRole({ ctx: firstCtx!, id: second.userId, roleId: 'member' }), setUserRole({ ctx: secondCtx!, id: t.owner.userId, roleId: 'member' })]);
      expect(results.filter((r) => r.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict', message: expect.stringMatching(/at least one owner/) } });
      expect(await db.membership.count({ where: { organizationId: t.organizationId, role: 'owner' } })).toBe(1);
    }
  });

  it('stays when two owners demote each other over REST at once', async () => {
    const t = await newTenant('owner-race-rest');
    const second = await addPerson(t, 'race-rest', { role: 'owner' });
    const [a, b] = await Promise.all([
      api('PUT', `/users/${second.userId}/roles/member`, { headers: t.orgHeaders }),
      api('PUT', `/users/${t.owner.userId}/roles/member`, { headers: second.headers }),
    ]);
    // The second is refused: the organization needs an owner (409), or — had it arrived after the first committed —
    // its caller is no longer an owner (403).
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([409, 403]).toContain([a.status, b.status].find((s) => s !== 200));
    expect(await db.membership.count({ where: { organizationId: t.organizationId, role: 'owner' } })).toBe(1);
  });

  it('stays when two owners remove each other at the same instant', async () => {
    const t = await newTenant('owner-race-remove');
    const second = await addPerson(t, 'race-remove', { role: 'owner' });
    const results = await Promise.all([api('DELETE', `/users/${second.userId}`, { headers: t.orgHeaders }), api('DELETE', `/users/${t.owner.userId}`, { headers: second.headers })]);
    expect(results.map((r) => r.status).filter((s) => s === 204)).toHaveLength(1);
    expect(await db.membership.count({ where: { organizationId: t.organizationId, role: 'owner' } })).toBe(1);
  });
});

describe('an API key keeps within its creator’s current permissions', () => {
  it('loses at once what its creator lost: a role change, a revoked grant, an edited custom role; removal revokes it', async () => {
    const t = await newTenant('key-shrinks');
    const admin = await addPerson(t, 'key-admin', { role: 'admin' });
    const key = await api('POST', '/api-keys', { headers: admin.headers, json: { name: 'reporting', scopes: ['apiKeys:read', 'statistics:read', 'members:read'] } });
    expect(key.status).toBe(201);
    const byKey = { 'x-api-key': key.body.key };
    expect((await api('GET', '/api-keys', { headers: byKey })).status).toBe(200);

    // Demoted to member: apiKeys:read is gone from the key at once (403), what members hold stays.
    expect((await api('PUT', `/users/${admin.userId}/roles/member`, { headers: t.orgHeaders })).status).toBe(200);
    expect((await api('GET', '/api-keys', { headers: byKey })).status).toBe(403);
    expect((await api('GET', '/statistics', { headers: byKey })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.body.id } })).scopes).toEqual(['statistics:read', 'members:read']);
    const reduced = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'api_key.scopes_reduced' } });
    expect(reduced.detail).toMatchObject({ apiKeyId: key.body.id, from: ['apiKeys:read', 'statistics:read', 'members:read'], to: ['statistics:read', 'members:read'], lost: ['apiKeys:read'] });
    // Promoted again: the key does not grow back (a key never gains what it was not given).
    expect((await api('PUT', `/users/${admin.userId}/roles/admin`, { headers: t.orgHeaders })).status).toBe(200);
    expect((await api('GET', '/api-keys', { headers: byKey })).status).toBe(403);

    // A custom role edited to hold less takes it from its holders' keys.
    const analyst = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Analyst', permissions: ['statistics:read', 'members:read'] } });
    expect((await api('PUT', `/users/${admin.userId}/roles/${analyst.body.id}`, { headers: t.orgHeaders })).status).toBe(200);
    expect((await api('GET', '/statistics', { headers: byKey })).status).toBe(200);
    expect((await api('PUT', `/roles/${analyst.body.id}`, { headers: t.orgHeaders, json: { name: 'Analyst', permissions: ['members:read'] } })).status).toBe(200);
    expect((await api('GET', '/statistics', { headers: byKey })).status).toBe(403);

    // A revoked direct grant, likewise.
    expect((await api('PUT', `/users/${admin.userId}/permissions/statistics:read`, { headers: t.orgHeaders })).status).toBe(200);
    const key2 = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'owner key', scopes: ['statistics:read'] } });
    expect((await api('DELETE', `/users/${admin.userId}/permissions/statistics:read`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.body.id } })).scopes).toEqual(['members:read']);
    // Only the creator's keys: the owner's own key is untouched.
    expect((await api('GET', '/statistics', { headers: { 'x-api-key': key2.body.key } })).status).toBe(200);

    // Removed from the organization: their keys are revoked (401).
    expect((await api('DELETE', `/users/${admin.userId}`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await api('GET', '/users', { headers: byKey })).status).toBe(401);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.body.id } })).revokedAt).not.toBeNull();
  });

  it('is bounded at resolution too: scopes stored beyond the creator are never honoured', async () => {
    const t = await newTenant('key-bounded');
    const rep = await addPerson(t, 'key-rep', { role: 'member' });
    // Written around the domain (as an old row or a missed path would be): the creator is a member.
    const key = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'forged', scopes: ['apiKeys:read'] } });
    await db.apiKey.update({ where: { id: key.body.id }, data: { createdById: rep.userId } });
    expect((await api('GET', '/api-keys', { headers: { 'x-api-key': key.body.key } })).status).toBe(403);
  });
});

describe('tenancy', () => {
  it("B's lists show nothing of A; A's users and roles are 404 to B for every verb", async () => {
    const a = await newTenant('users-tenant-a');
    const b = await newTenant('users-tenant-b');
    const rep = await addPerson(a, 'tenant-rep', { role: 'member' });
    const role = await api('POST', '/roles', { headers: a.orgHeaders, json: { name: 'Secret sauce', permissions: ['members:read'] } });
    for (const headers of [b.orgHeaders, b.keyHeaders]) {
      const users = await api('GET', '/users?limit=200', { headers });
      expect(users.body.results.map((u: { id: string }) => u.id)).toEqual([b.owner.userId]);
      const roles = await api('GET', '/roles', { headers });
      expect(roles.body.results.map((r: { id: string }) => r.id)).toEqual(['owner', 'admin', 'manager', 'member']);
      expect((await api('GET', `/users?role=${role.body.id}`, { headers })).body.count).toBe(0);
      // Naming A's role while acting in B is as unknown as a role that never existed.
      expect((await api('PUT', `/users/${b.owner.userId}/roles/${role.body.id}`, { headers })).status).toBe(404);
      expect((await api('POST', '/users', { headers, json: { email: uniqueEmail('x'), firstName: 'X', lastName: 'Y', role: role.body.id } })).status).toBe(422);
    }
    expect((await db.membership.findFirstOrThrow({ where: { userId: rep.userId } })).organizationId).toBe(a.organizationId);
  });
});
