package dev.weft.cms;

import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.system.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items of a collection, staged and live. The API edits the staged field data; publishing copies it into the
 * item's live snapshot, which stays as it was through later staged edits until the next publish; unpublishing
 * drops the snapshot and makes the item a draft. Every create, change, delete and unpublish publishes a
 * {@link CmsItemEvent} in the transaction that makes it.
 */
@Service
public class CmsItems {

    /** A page of items and how many matched in all. */
    public record Page(List<CmsItem> items, int total) {}

    /** What a create or update sends: field values by slug, and the flags (null: unchanged, or the default). */
    public record ItemInput(Map<String, Object> fieldData, Boolean draft, Boolean archived) {
        public ItemInput {
            fieldData = fieldData == null ? Map.of() : fieldData;
        }
    }

    /** What a bulk call did: the ids it handled, and one message per id it did not. */
    public record BulkResult(List<String> done, List<String> errors) {}

    private final CmsRepository repository;
    private final ItemValidator validator;
    private final SiteService sites;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CmsItems(CmsRepository repository, ItemValidator validator, SiteService sites, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.sites = sites;
        this.events = events;
        this.clock = clock;
    }

    /** The matching items, staged or (with {@code live}) live ones with their published field data. */
    public Page list(CmsCollection collection, ItemQuery query, boolean live) {
        Function<CmsItem, Map<String, Object>> data = i -> live ? i.publishedFieldData() : i.fieldData();
        Stream<CmsItem> items = repository.items(collection.id()).stream()
                .filter(i -> !live || i.live())
                .filter(i -> query.name() == null || query.name().equals(data.apply(i).get("name")))
                .filter(i -> query.slug() == null || query.slug().equals(data.apply(i).get("slug")))
                .filter(i -> query.createdOn() == null || query.createdOn().contains(i.createdOn()))
                .filter(i -> query.lastUpdated() == null || query.lastUpdated().contains(i.updatedOn()))
                .filter(i -> query.lastPublished() == null || query.lastPublished().contains(i.publishedOn()));
        if (query.sortBy() != null) {
            Comparator<CmsItem> order = switch (query.sortBy()) {
                case "lastPublished" -> Comparator.comparing(CmsItem::publishedOn, Comparator.nullsFirst(Comparator.naturalOrder()));
                case "lastUpdated" -> Comparator.comparing(CmsItem::updatedOn);
                case "name" -> Comparator.comparing(i -> String.valueOf(data.apply(i).get("name")), String.CASE_INSENSITIVE_ORDER);
                case "slug" -> Comparator.comparing(i -> String.valueOf(data.apply(i).get("slug")));
                default -> Comparator.comparing(CmsItem::createdOn);
            };
            items = items.sorted(query.descending() ? order.reversed() : order);
        }
        List<CmsItem> all = items.toList();
        int from = Math.min(query.offset(), all.size());
        return new Page(all.subList(from, Math.min(all.size(), from + query.limit())), all.size());
    }

    /** The item (with {@code live}: only when it is live). */
    public CmsItem get(CmsCollection collection, String itemId, boolean live) {
        CmsItem item = find(collection, itemId);
        if (live && !item.live()) {
            throw CmsException.itemNotFound();
        }
        return item;
    }

    /** Creates an item; with {@code publish} it is live at once (and not a draft). */
    @Transactional
    public CmsItem create(CmsCollection collection, String userId, ItemInput input, boolean defaultDraft,
            boolean publish) {
        Map<String, Object> data = validator.check(collection, input.fieldData(), Map.of(), null);
        Instant now = now();
        boolean draft = !publish && (input.draft() == null ? defaultDraft : input.draft());
        boolean archived = Boolean.TRUE.equals(input.archived());
        CmsItem item = new CmsItem(Ids.objectId(), collection.id(), collection.siteId(), data, draft, archived, now,
                now, publish ? now : null, publish ? data : null, userId, userId, publish ? userId : null);
        if (!repository.insertItem(item)) {
            throw slugTaken(data);
        }
        emit(CmsItemEvent.CREATED, item);
        return item;
    }

    /**
     * Changes an item: {@code partial} keeps the fields not sent, otherwise they are cleared. With
     * {@code publish} the change is made live too; {@code requireLive} refuses (409) an item never published.
     */
    @Transactional
    public CmsItem update(CmsCollection collection, String itemId, String userId, ItemInput input, boolean partial,
            boolean publish, boolean requireLive) {
        CmsItem old = repository.lockItem(collection.id(), itemId).orElseThrow(CmsException::itemNotFound);
        if (requireLive && !old.live()) {
            throw CmsException.conflict("Conflict: the item has never been published, so it has no live version to update;"
                    + " publish it first or update the staged item");
        }
        Map<String, Object> base = partial ? old.fieldData() : Map.of();
        Map<String, Object> incoming = input.fieldData();
        if (!partial && !incoming.containsKey("slug") && old.slug() != null) {
            incoming = new LinkedHashMap<>(incoming);
            incoming.put("slug", old.slug()); // a full update without a slug keeps the item's URL
        }
        Map<String, Object> data = validator.check(collection, incoming, base, itemId);
        Instant now = now();
        boolean draft = publish ? false : input.draft() == null ? old.draft() : input.draft();
        boolean archived = input.archived() == null ? old.archived() : input.archived();
        CmsItem item = new CmsItem(old.id(), old.collectionId(), old.siteId(), data, draft, archived, old.createdOn(),
                now, publish ? now : old.publishedOn(), publish ? data : old.publishedFieldData(), old.createdBy(),
                userId, publish ? userId : old.publishedBy());
        if (!repository.updateItem(item)) {
            throw slugTaken(data);
        }
        emit(CmsItemEvent.CHANGED, item);
        return item;
    }

    /** Deletes an item, staged and live. */
    @Transactional
    public void delete(CmsCollection collection, String itemId) {
        CmsItem item = repository.lockItem(collection.id(), itemId).orElseThrow(CmsException::itemNotFound);
        repository.deleteItem(item.id());
        Site site = site(item);
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("id", item.id());
        v2.put("siteId", item.siteId());
        v2.put("workspaceId", site.workspaceId());
        v2.put("collectionId", item.collectionId());
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("deleted", 1);
        v1.put("itemId", item.id());
        events.publishEvent(new CmsItemEvent(CmsItemEvent.DELETED, item.siteId(), site.workspaceId(),
                item.collectionId(), item.id(), v2, v1));
    }

    /** Takes an item off the live site: its snapshot is dropped and it becomes a draft. */
    @Transactional
    public CmsItem unpublish(CmsCollection collection, String itemId, String userId) {
        CmsItem old = repository.lockItem(collection.id(), itemId).orElseThrow(CmsException::itemNotFound);
        CmsItem item = new CmsItem(old.id(), old.collectionId(), old.siteId(), old.fieldData(), true, old.archived(),
                old.createdOn(), now(), null, null, old.createdBy(), userId, null);
        repository.updateItem(item);
        emit(CmsItemEvent.UNPUBLISHED, item);
        return item;
    }

    /** Publishes items of the collection: each gets a live snapshot of its staged data and stops being a draft. */
    @Transactional
    public BulkResult publish(CmsCollection collection, List<String> itemIds, String userId) {
        List<String> done = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Instant now = now();
        for (String id : itemIds.stream().filter(Objects::nonNull).distinct().toList()) {
            var found = Ids.isObjectId(id) ? repository.lockItem(collection.id(), id) : java.util.Optional.<CmsItem>empty();
            if (found.isEmpty()) {
                errors.add("Item not found: " + id);
            } else if (found.get().archived()) {
                errors.add("Archived items cannot be published: " + id);
            } else {
                CmsItem old = found.get();
                repository.updateItem(new CmsItem(old.id(), old.collectionId(), old.siteId(), old.fieldData(), false,
                        false, old.createdOn(), old.updatedOn(), now, old.fieldData(), old.createdBy(), old.updatedBy(),
                        userId));
                done.add(id);
            }
        }
        return new BulkResult(done, errors);
    }

    /** Deletes items of the collection (v1 bulk delete). */
    @Transactional
    public BulkResult deleteAll(CmsCollection collection, List<String> itemIds) {
        List<String> done = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String id : itemIds.stream().filter(Objects::nonNull).distinct().toList()) {
            if (Ids.isObjectId(id) && repository.item(collection.id(), id).isPresent()) {
                delete(collection, id);
                done.add(id);
            } else {
                errors.add("Item not found: " + id);
            }
        }
        return new BulkResult(done, errors);
    }

    private CmsItem find(CmsCollection collection, String itemId) {
        if (!Ids.isObjectId(itemId)) {
            throw CmsException.itemNotFound();
        }
        return repository.item(collection.id(), itemId).orElseThrow(CmsException::itemNotFound);
    }

    private void emit(String trigger, CmsItem item) {
        Site site = site(item);
        events.publishEvent(new CmsItemEvent(trigger, item.siteId(), site.workspaceId(), item.collectionId(), item.id(),
                ItemViews.v2(item, false), ItemViews.v1(item)));
    }

    private Site site(CmsItem item) {
        return sites.find(item.siteId()).orElseThrow();
    }

    private static CmsException slugTaken(Map<String, Object> data) {
        return CmsException.invalid("slug", "Unique value is already in database: '" + data.get("slug") + "'");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
