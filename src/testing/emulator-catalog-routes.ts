import {
  EMULATOR_AUDIO_AND_RERANK_MODELS,
  EMULATOR_CHAT_MODELS,
  EMULATOR_EMBEDDING_MODELS,
  EMULATOR_IGNORED_PROVIDERS,
  EMULATOR_PROVIDERS,
  type EmulatedModel,
} from './emulator-catalog';
import {
  decodePathSegment,
  type EmulatorRoute,
  errorReply,
  jsonReply,
} from './emulator-routes';

/**
 * The catalogue: models, endpoints, parameters, providers. Any key works, as
 * on OpenRouter.
 */
export const catalogRoutes: EmulatorRoute[] = [
  {
    method: 'GET',
    path: '/models',
    handle(request) {
      const category = request.query.get('category');
      const required = (request.query.get('supported_parameters') ?? '')
        .split(',')
        .map(parameter => parameter.trim())
        .filter(Boolean);
      // As OpenRouter lists them: the models that produce one of the
      // outputs asked for, text when none is named, every model for `all`.
      const outputs = (request.query.get('output_modalities') ?? 'text')
        .split(',')
        .map(output => output.trim())
        .filter(Boolean);
      const models = [
        ...EMULATOR_CHAT_MODELS,
        ...EMULATOR_EMBEDDING_MODELS,
        ...EMULATOR_AUDIO_AND_RERANK_MODELS,
      ].filter(
        model =>
          (outputs.includes('all') ||
            outputModalitiesOf(model).some(output =>
              outputs.includes(output),
            )) &&
          (category == null || model.categories.includes(category)) &&
          required.every(parameter =>
            model.wire.supported_parameters.includes(parameter),
          ),
      );
      return jsonReply({ data: models.map(model => model.wire) });
    },
  },
  {
    method: 'GET',
    path: '/models/count',
    handle() {
      return jsonReply({ data: { count: EMULATOR_CHAT_MODELS.length } });
    },
  },
  {
    method: 'GET',
    path: '/models/user',
    handle() {
      // Models only ignored providers serve drop out; routers, which have no
      // endpoints of their own, stay.
      const models = EMULATOR_CHAT_MODELS.filter(
        model =>
          model.endpoints.length === 0 ||
          model.endpoints.some(
            endpoint =>
              !EMULATOR_IGNORED_PROVIDERS.includes(endpoint.provider_name),
          ),
      );
      return jsonReply({ data: models.map(model => model.wire) });
    },
  },
  {
    method: 'GET',
    path: '/models/embeddings',
    handle() {
      return jsonReply({
        data: EMULATOR_EMBEDDING_MODELS.map(model => model.wire),
      });
    },
  },
  {
    method: 'GET',
    path: /^\/models\/[^/]+\/[^/]+\/endpoints$/,
    handle(request) {
      const model = findModel(request.path, 1);
      if (model == null) {
        return errorReply(404, 'Model does not exist');
      }
      const { architecture, id, name, created, description } = model.wire;
      return jsonReply({
        data: {
          id: (id as string).replace(/:.*$/, ''),
          name,
          created,
          description,
          architecture,
          endpoints: model.endpoints,
        },
      });
    },
  },
  {
    method: 'GET',
    path: /^\/parameters\/[^/]+\/[^/]+$/,
    handle(request) {
      const model = findModel(request.path, 1);
      const providerName = request.query.get('provider');
      const endpoint =
        providerName == null
          ? undefined
          : model?.endpoints.find(
              candidate => candidate.provider_name === providerName,
            );
      if (model == null || (providerName != null && endpoint == null)) {
        return errorReply(404, 'Model or provider does not exist');
      }
      return jsonReply({
        data: {
          model: model.wire.id,
          supported_parameters:
            endpoint?.supported_parameters ?? model.wire.supported_parameters,
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/endpoints/zdr',
    handle() {
      return jsonReply({
        data: EMULATOR_CHAT_MODELS.flatMap(model =>
          model.endpoints.filter(endpoint =>
            model.zdrProviders.includes(endpoint.provider_name),
          ),
        ),
      });
    },
  },
  {
    method: 'GET',
    path: '/providers',
    handle() {
      return jsonReply({ data: EMULATOR_PROVIDERS });
    },
  },
];

/**
 * The model named by the `author/slug` path segments starting at `index`.
 * An exact id wins; otherwise a variant such as `:free` of that id is used,
 * so a model that exists only as a free variant is still found.
 */
function findModel(path: string, index: number): EmulatedModel | undefined {
  const segments = path.split('/').slice(1);
  const id = `${decodePathSegment(segments[index])}/${decodePathSegment(segments[index + 1])}`;
  const all = [...EMULATOR_CHAT_MODELS, ...EMULATOR_EMBEDDING_MODELS];
  return (
    all.find(model => model.wire.id === id) ??
    all.find(model => model.wire.id.startsWith(`${id}:`))
  );
}

function outputModalitiesOf(model: EmulatedModel): string[] {
  const architecture = model.wire.architecture as
    | { output_modalities?: string[] }
    | undefined;
  return architecture?.output_modalities ?? [];
}
