/**
 * What Load all asks DynamoDB for: the query as it is, every page at the service's own size (up
 * to 1 MB). The page size is how much Run and Load more read at a time (100 items by default, so
 * the first rows come quickly); a Load all at that size sent ten times the requests for the same
 * items (1,000 Scan calls for 100,000 1 KB items instead of about 100), each a round trip.
 */
import type { QueryModel } from '../contract/items';

export function loadAllModel(model: QueryModel): QueryModel {
  const { pageSize: _pageSize, ...rest } = model;
  return rest;
}
