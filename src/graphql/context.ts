// What every resolver and loader gets: the repository of the dataset this request reads, fixed for the request.
import type { MercuriusContext } from 'mercurius';
import type { Repository } from '../queries/repository.js';

declare module 'mercurius' {
  interface MercuriusContext {
    /** The dataset this request reads (app.data.current() when the request started). */
    repo: Repository;
    /** The origin absolute links point at (PUBLIC_URL), as on REST. */
    publicUrl: string;
  }
}

export type GraphqlContext = MercuriusContext;
