-- One full-text index over events, places (all their names), agreements, claims and quotes.
-- `folded` holds the same words folded (no diacritics, ı→i, ə→e) so an English keyboard finds Laçın and Cəbrayıl.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
  `type` UNINDEXED,
  `ref_id` UNINDEXED,
  `title`,
  `body`,
  `folded`,
  tokenize = 'unicode61 remove_diacritics 2'
);
