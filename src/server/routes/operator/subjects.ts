import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { clientId } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import { parseSubjectId, type ParsedIdentifier } from '../../../core/identifiers/index.js';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { clientOf } from '../../plugins/access-control.js';
import { closed, iso } from '../../schemas/common.js';
import { SubjectFileView } from '../../schemas/subject.js';
import type { ServerDeps } from '../../server-deps.js';
import { subjectFile } from '../../views/subject-file.js';
import { routeSchema } from '../route-schema.js';

const OPERATOR = ['operator'] as const;
const SubjectParams = Type.Object({
  subjectId: Type.String({ minLength: 3, maxLength: 64, description: 'scheme:identifier, e.g. cn-rid:11010519491231002X' }),
}, closed);
type SubjectParams = Static<typeof SubjectParams>;
const EnrolmentBody = Type.Object({
  password: Type.Optional(Type.String({ minLength: 12, maxLength: 200, description: 'The subject\'s chosen password; one is generated when absent' })),
}, closed);
const EnrolmentView = Type.Object({
  subjectId: Type.String(),
  enrolledAt: Type.String({ format: 'date-time' }),
  password: Type.Optional(Type.String({ description: 'The generated password, shown this once: hand it to the subject' })),
}, closed);

const parse = (text: string): ParsedIdentifier => {
  const p = parseSubjectId(text);
  if (!p.ok) throw new CredenceError(p.code, p.error);
  return p.value;
};

/** Subject lookup for operators, and enrolment of a subject's login. */
export function operatorSubjectRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: SubjectParams }>('/v1/subjects/:subjectId', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Look up a subject: its file as the subject sees it (the subject sees the lookup, with who and when)', params: SubjectParams, response: { 200: SubjectFileView },
      }),
    }, async (request) => {
      const subject = parse(request.params.subjectId);
      const me = clientOf(request).client.id;
      request.log.info({ subject: subject.subjectId, by: me }, 'operator subject lookup');
      // Noted before the file is answered: the subject sees every lookup of its file.
      const at = deps.clock();
      await deps.service.putFileRead({ subjectId: subject.subjectId, clientId: clientId(me), at });
      return subjectFile(deps, subject, at);
    });

    app.post<{ Params: SubjectParams; Body: Static<typeof EnrolmentBody> }>('/v1/subjects/:subjectId/enrolment', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Enrol a subject\'s login (again: replaces the password and ends its sessions)',
        params: SubjectParams,
        body: EnrolmentBody,
        response: { 201: EnrolmentView },
      }),
    }, async (request, reply) => {
      const subject = parse(request.params.subjectId);
      const generated = request.body.password === undefined ? generatePassword() : undefined;
      const at = deps.clock();
      await deps.service.putSubjectLogin({
        subjectId: subject.subjectId, passwordHash: await hashPassword(request.body.password ?? generated ?? ''), enrolledAt: at,
        enrolledBy: clientOf(request).client.id,
      });
      await deps.service.deleteSessionsOf(subject.subjectId);
      return reply.code(201).send({ subjectId: subject.subjectId, enrolledAt: iso(at), ...(generated ? { password: generated } : {}) });
    });
  };
}
