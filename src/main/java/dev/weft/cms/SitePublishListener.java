package dev.weft.cms;

import dev.weft.sites.SitePublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A site publish makes every item of the site live that is neither a draft nor archived, in the same transaction. */
@Component
class SitePublishListener {

    private final CmsRepository repository;

    SitePublishListener(CmsRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(SitePublished event) {
        repository.publishSite(event.siteId(), event.at());
    }
}
