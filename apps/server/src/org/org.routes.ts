import type { FastifyInstance } from 'fastify';
import * as c from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import { route } from '../platform/http/route.ts';
import * as departments from './department.service.ts';
import * as people from './person.service.ts';
import { searchPeople } from './person-search.ts';
import { importDirectory } from './import/import.service.ts';
import { listAuditEntries } from './audit-log.repo.ts';
import { seedDemoCompany } from './demo.service.ts';

const isTrue = (v: 'true' | 'false' | undefined, fallback: boolean) => (v === undefined ? fallback : v === 'true');

/** The directory (departments, people, search, import) plus the admin audit log and demo seed. */
export async function directoryRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.listDepartments, async ({ query }) => ({ items: await departments.listDepartments(deps, isTrue(query.includeInactive, false)) }));
  route(app, c.createDepartment, async ({ body, req }) => departments.createDepartment(deps, req.ctx, body));
  route(app, c.updateDepartment, async ({ params, body, req }) => departments.updateDepartment(deps, req.ctx, params.id, body));

  route(app, c.listPeople, async ({ query }) =>
    searchPeople(deps.db, {
      q: query.q,
      departmentId: query.departmentId,
      recursive: isTrue(query.recursive, true),
      includeInactive: isTrue(query.includeInactive, false),
      pageSize: query.pageSize,
      pageToken: query.pageToken,
    }),
  );
  route(app, c.getPerson, async ({ params }) => people.getPerson(deps, params.id));
  route(app, c.createPerson, async ({ body, req }) => people.createPerson(deps, req.ctx, body));
  route(app, c.updatePerson, async ({ params, body, req }) => people.updatePerson(deps, req.ctx, params.id, body));

  route(app, c.importDirectory, async ({ query, raw, req }) =>
    importDirectory(deps, req.ctx, { kind: query.kind, filename: query.filename, dryRun: query.dryRun === 'true', bytes: raw }),
  );

  route(app, c.listAudit, async ({ query }) => listAuditEntries(deps.db, query));
  route(app, c.seedDemo, async ({ req }) => seedDemoCompany(deps, req.ctx));
}
