-- FAQ full-text search: unicode61 with remove_diacritics 2 folds case and accents
-- ("prelevement" finds « prélèvement »); word endings are handled by prefix queries in help.service.ts.
CREATE VIRTUAL TABLE `faq_search` USING fts5(
  question,
  answer,
  content = 'faq_entries',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `faq_search` (rowid, question, answer) SELECT rowid, question, answer FROM `faq_entries`;
--> statement-breakpoint
CREATE TRIGGER `faq_entries_search_insert` AFTER INSERT ON `faq_entries` BEGIN
  INSERT INTO `faq_search` (rowid, question, answer) VALUES (new.rowid, new.question, new.answer);
END;
--> statement-breakpoint
CREATE TRIGGER `faq_entries_search_delete` AFTER DELETE ON `faq_entries` BEGIN
  INSERT INTO `faq_search` (`faq_search`, rowid, question, answer) VALUES ('delete', old.rowid, old.question, old.answer);
END;
--> statement-breakpoint
CREATE TRIGGER `faq_entries_search_update` AFTER UPDATE ON `faq_entries` BEGIN
  INSERT INTO `faq_search` (`faq_search`, rowid, question, answer) VALUES ('delete', old.rowid, old.question, old.answer);
  INSERT INTO `faq_search` (rowid, question, answer) VALUES (new.rowid, new.question, new.answer);
END;
