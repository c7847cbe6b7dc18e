// /v1/agreements, /v1/statistics, /v1/actors, /v1/claims, /v1/citations: the records that events and places rest on.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ActorDetailSchema, ActorSchema } from '../schemas/actors.js';
import { AgreementDetailSchema, AgreementSchema } from '../schemas/agreements.js';
import { ClaimSchema } from '../schemas/claims.js';
import { CitationSchema } from '../schemas/common.js';
import {
  ActorsQuerySchema,
  AgreementsQuerySchema,
  CitationIdParamSchema,
  ClaimsQuerySchema,
  IdParamSchema,
  NoQuerySchema,
  StatisticsQuerySchema,
} from '../schemas/params.js';
import { StatisticSchema } from '../schemas/statistics.js';
import { sendList } from './list.js';
import { sendProblem } from './problem.js';
import { itemResponses, listResponses } from './responses.js';

const records: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Agreements with signatories, provisions and the places they affected',
        querystring: AgreementsQuerySchema,
        response: listResponses(AgreementSchema, 'A page of agreements by signing date.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().pageAgreements(request.query), request.query.limit),
  );

  app.get(
    '/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'One agreement with its citations',
        querystring: NoQuerySchema,
        params: IdParamSchema,
        response: itemResponses(AgreementDetailSchema, 'The agreement.'),
      },
    },
    async (request, reply) => {
      const agreement = app.data.current().getAgreement(request.params.id);
      if (!agreement) return sendProblem(reply, 404, `No agreement with id "${request.params.id}".`);
      return agreement;
    },
  );

  app.get(
    '/statistics',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Figures, filtered by subject, as-of date or place',
        querystring: StatisticsQuerySchema,
        response: listResponses(StatisticSchema, 'A page of statistics.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().listStatistics(request.query), request.query.limit),
  );

  app.get(
    '/statistics/:id',
    {
      schema: {
        tags: ['statistics'],
        summary: 'One figure with its unit, qualifier, reporter, as-of date and citations',
        params: IdParamSchema,
        querystring: NoQuerySchema,
        response: itemResponses(StatisticSchema, 'The statistic.'),
      },
    },
    async (request, reply) => {
      const statistic = app.data.current().statisticsByIds([request.params.id])[0];
      if (!statistic) return sendProblem(reply, 404, `No statistic with id "${request.params.id}".`);
      return statistic;
    },
  );

  app.get(
    '/citations/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'One citation: its source, quote and offsets, and the record it supports',
        params: CitationIdParamSchema,
        querystring: NoQuerySchema,
        response: itemResponses(CitationSchema, 'The citation.'),
      },
    },
    async (request, reply) => {
      const citation = app.data.current().citationsByIds([request.params.id])[0];
      if (!citation) return sendProblem(reply, 404, `No citation with id ${request.params.id}.`);
      return citation;
    },
  );

  app.get(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'States, people, organisations and armed forces',
        querystring: ActorsQuerySchema,
        response: listResponses(ActorSchema, 'A page of actors.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().pageActors(request.query), request.query.limit),
  );

  app.get(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'One actor with the events it took part in',
        querystring: NoQuerySchema,
        params: IdParamSchema,
        response: itemResponses(ActorDetailSchema, 'The actor.'),
      },
    },
    async (request, reply) => {
      const actor = app.data.current().getActor(request.params.id);
      if (!actor) return sendProblem(reply, 404, `No actor with id "${request.params.id}".`);
      return actor;
    },
  );

  app.get(
    '/claims',
    {
      schema: {
        tags: ['claims'],
        summary: "Sources' characterisations and allegations, attributed to them",
        querystring: ClaimsQuerySchema,
        response: listResponses(ClaimSchema, 'A page of claims.'),
      },
    },
    async (request, reply) =>
      sendList(request, reply, app.data.current().listClaims(request.query), request.query.limit),
  );

  app.get(
    '/claims/:id',
    {
      schema: {
        tags: ['claims'],
        summary: 'One claim with who makes it and its quotes',
        querystring: NoQuerySchema,
        params: IdParamSchema,
        response: itemResponses(ClaimSchema, 'The claim.'),
      },
    },
    async (request, reply) => {
      const claim = app.data.current().claimsByIds([request.params.id])[0];
      if (!claim) return sendProblem(reply, 404, `No claim with id "${request.params.id}".`);
      return claim;
    },
  );
};

export default records;
