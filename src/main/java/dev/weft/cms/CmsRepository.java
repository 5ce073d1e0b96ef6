package dev.weft.cms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of collections, fields and items. */
public interface CmsRepository {

    List<CmsCollection> collections(String siteId);

    Optional<CmsCollection> collection(String collectionId);

    void insertCollection(CmsCollection collection);

    /** Every item of the collection, oldest first. */
    List<CmsItem> items(String collectionId);

    Optional<CmsItem> item(String collectionId, String itemId);

    /** The item, locked for the rest of the transaction. */
    Optional<CmsItem> lockItem(String collectionId, String itemId);

    boolean slugTaken(String collectionId, String slug, String exceptItemId);

    /** Which of these ids are items of the collection. */
    List<String> existingItemIds(String collectionId, List<String> itemIds);

    /** Inserts the item; false when its slug is taken in the collection. */
    boolean insertItem(CmsItem item);

    /** Writes every column of the item; false when its slug is taken in the collection. */
    boolean updateItem(CmsItem item);

    void deleteItem(String itemId);

    /** Publishes every item of the site that is neither a draft nor archived (site publish). */
    int publishSite(String siteId, Instant at);
}
