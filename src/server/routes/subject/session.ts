import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import { parseSubjectIdentifier } from '../../../core/identifiers/index.js';
import { SESSION_COOKIE } from '../../auth/authenticator.js';
import { hashPassword, needsRehash, padToCurrentCost, verifyPassword } from '../../auth/password.js';
import { newSecret, SESSION_PREFIX } from '../../auth/secrets.js';
import { subjectOf } from '../../plugins/access-control.js';
import { iso } from '../../schemas/common.js';
import { LoginBody, PasswordBody, SessionView } from '../../schemas/subject.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';

const SUBJECT = ['subject'] as const;
/** Expired sessions are deleted at a login at most this often (the delete walks the expiry index). */
const PRUNE_EVERY_MS = 60_000;
/** Verified against when the subject has no login, so a wrong identifier costs as long as a wrong password. */
let decoy: Promise<string> | undefined;

const cookie = (request: FastifyRequest, value: string, maxAgeSeconds: number): string =>
  `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${request.protocol === 'https' ? '; Secure' : ''}`;

/** Subject login (a session that expires), logout, and changing the password set at enrolment. */
export function sessionRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    let prunedAt = -Infinity;
    app.post<{ Body: LoginBody }>('/v1/session', {
      config: {
        access: 'public',
        rateLimit: { max: deps.limits.loginPerWindow, key: (r: FastifyRequest) => `login:${r.ip}` },
      },
      schema: routeSchema('subject', 'public', {
        summary: 'Log in as a subject',
        description: 'Answers a session token and sets it as an HttpOnly cookie. Wrong identifier and wrong password give the same answer.',
        body: LoginBody,
        response: { 200: SessionView },
      }),
    }, async (request, reply: FastifyReply) => {
      const { subject, password } = request.body;
      const parsed = parseSubjectIdentifier(subject.scheme, subject.identifier);
      const login = parsed.ok ? await deps.service.subjectLogin(parsed.value.subjectId) : undefined;
      decoy ??= hashPassword('not a password of anyone');
      const ok = await verifyPassword(password, login?.passwordHash ?? await decoy);
      if (!login || !ok) {
        if (login && needsRehash(login.passwordHash)) await padToCurrentCost(login.passwordHash);
        throw new CredenceError('unauthorized', 'the identifier or the password is wrong');
      }
      // A hash made under weaker parameters is made again now, while the password is at hand, unless the
      // password changed meanwhile; a failure here costs the subject nothing but the upgrade.
      if (needsRehash(login.passwordHash)) {
        await hashPassword(password).then((next) => deps.service.replacePasswordHash(login.subjectId, login.passwordHash, next))
          .catch((e: unknown) => request.log.error({ err: e }, 'making a password hash again failed'));
      }
      const now = deps.clock();
      if (now - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now;
        await deps.service.pruneSessions(now);
      }
      const token = newSecret(SESSION_PREFIX);
      const expiresAt = now + deps.limits.sessionTtlMs;
      await deps.service.putSession({ tokenHash: token.hash, subjectId: login.subjectId, createdAt: now, expiresAt });
      void reply.header('set-cookie', cookie(request, token.secret, Math.floor(deps.limits.sessionTtlMs / 1000)));
      return { token: token.secret, subjectId: login.subjectId, expiresAt: iso(expiresAt) };
    });

    app.delete('/v1/session', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, { summary: 'Log out: the session ends now', response: { 204: { type: 'null', description: 'Logged out' } } }),
    }, async (request, reply) => {
      await deps.service.deleteSession(subjectOf(request).sessionHash);
      return reply.header('set-cookie', cookie(request, '', 0)).code(204).send();
    });

    app.put<{ Body: PasswordBody }>('/v1/me/password', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Change your password',
        description: 'Ends every other session of the subject; the session that made the change stays.',
        body: PasswordBody,
        response: { 204: { type: 'null', description: 'Changed' } },
      }),
    }, async (request, reply) => {
      const me = subjectOf(request);
      const login = await deps.service.subjectLogin(me.subjectId);
      if (!login || !(await verifyPassword(request.body.current, login.passwordHash))) {
        throw new CredenceError('unauthorized', 'the current password is wrong');
      }
      await deps.service.putSubjectLogin({ ...login, passwordHash: await hashPassword(request.body.next) });
      // A session stolen before the change must not outlive it; the one that made the change stays logged in.
      await deps.service.deleteOtherSessions(me.subjectId, me.sessionHash);
      return reply.code(204).send();
    });
  };
}
