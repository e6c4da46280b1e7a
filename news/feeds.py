"""RSS 2.0 and Atom feeds of a news index: the live news of its language, newest first."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    route_name = "rss_feed"

    def get_object(self, request, news_index):
        self.request = request
        return news_index

    def title(self, news_index):
        return f"{news_index.title} · LIAISE 2"

    def link(self, news_index):
        return news_index.get_full_url(self.request)

    def feed_url(self, news_index):
        return self.link(news_index) + news_index.reverse_subpage(self.route_name)

    def description(self, news_index):
        return news_index.search_description or news_index.intro or news_index.title

    def items(self, news_index):
        return news_index.news().for_feed()[:FEED_LENGTH]

    def item_title(self, news):
        return news.title

    def item_description(self, news):
        return news.intro

    def item_link(self, news):
        return news.get_full_url(self.request)

    def item_pubdate(self, news):
        return datetime.datetime.combine(
            news.date, datetime.time(), timezone.get_current_timezone()
        )

    def item_updateddate(self, news):
        return news.last_published_at or self.item_pubdate(news)

    def item_categories(self, news):
        return [link.topic.name for link in news.feed_topics]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route_name = "atom_feed"
    subtitle = NewsRssFeed.description
