ALTER TABLE `news_items` ADD `image_path` text;--> statement-breakpoint
ALTER TABLE `news_items` ADD `image_alt` text;