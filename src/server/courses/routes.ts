import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { refusedSchema } from '../../domain/api/clinical.ts';
import { idParams, page, problemSchema } from '../../domain/api/common.ts';
import { cancelCourseBody, courseListQuery, coursePatchBody, courseSchema, newCourseBody } from '../../domain/api/courses.ts';
import { actorOf } from '../context.ts';
import { cancelCourse, completeCourse, createCourse, getCourse, listCourses, updateCourse } from './service.ts';

const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 422: refusedSchema };

/** Courses: the plan of a series of sessions, assessed on every save. */
export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ db: app.db, config: app.config, actor: actorOf(req) });
  const tags = ['courses'];

  app.post('/courses', { config: { capability: 'courses.plan' }, schema: { tags, body: newCourseBody, response: { 201: courseSchema, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createCourse(ctx(req), req.body)),
  );

  app.get('/courses', { config: { capability: 'clinical.read' }, schema: { tags, querystring: courseListQuery, response: { 200: page(courseSchema), ...errors } } }, async (req) =>
    listCourses(ctx(req), req.query),
  );

  app.get('/courses/:id', { config: { capability: 'clinical.read' }, schema: { tags, params: idParams, response: { 200: courseSchema, ...errors } } }, async (req) =>
    getCourse(ctx(req), req.params.id),
  );

  app.patch(
    '/courses/:id',
    { config: { capability: 'courses.plan' }, schema: { tags, params: idParams, body: coursePatchBody, response: { 200: courseSchema, ...errors } } },
    async (req) => updateCourse(ctx(req), req.params.id, req.body),
  );

  app.post(
    '/courses/:id/cancel',
    { config: { capability: 'courses.plan' }, schema: { tags, params: idParams, body: cancelCourseBody, response: { 200: courseSchema, ...errors } } },
    async (req) => cancelCourse(ctx(req), req.params.id, req.body.reason),
  );

  app.post('/courses/:id/complete', { config: { capability: 'courses.plan' }, schema: { tags, params: idParams, response: { 200: courseSchema, ...errors } } }, async (req) =>
    completeCourse(ctx(req), req.params.id),
  );
};
