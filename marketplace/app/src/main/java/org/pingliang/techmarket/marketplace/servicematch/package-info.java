/**
 * Service matching (服务对接, issue 7): S&T commissioners (科技特派员) publish service offers; enterprises
 * post service requests for their organisation, and the bureau posts them on behalf of villages and
 * communities; both go through the outbox to the services stream, which search-indexer indexes, and
 * the search library pairs them (hybrid BM25 + kNN) with reasons.
 *
 * <p>Visibility: active offers of commissioners who are selected now and not banned are public; a
 * withdrawn or hidden offer is seen only by its commissioner and ADMIN. Requests are not public: they
 * are seen by ADMIN (the bureau), by active commissioners, and by the members of the requesting
 * enterprise; offer → request matches therefore only by ADMIN and active commissioners.
 */
package org.pingliang.techmarket.marketplace.servicematch;
