namespace NewsBot.Core.Stories;

/// <summary>Words that say nothing about which event an article reports.</summary>
internal static class StoryStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // English function words
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into",
        "over", "after", "before", "about", "amid", "against", "between", "during", "under", "up", "down", "out", "off",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
        "can", "could", "may", "might", "should", "must", "it", "its", "this", "that", "these", "those", "he", "she",
        "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "who", "whom", "which", "what", "when",
        "where", "why", "how", "not", "no", "than", "then", "so", "if", "also", "more", "most", "some", "all", "any",
        "new", "just", "now", "there", "here", "while", "since", "still", "yet", "very", "s", "t",
        // News filler
        "says", "said", "say", "saying", "told", "tells", "according", "report", "reports", "reported", "reporting",
        "news", "breaking", "exclusive", "update", "updates", "live", "watch", "video", "photos", "latest", "official",
        "officials", "source", "sources", "week", "day", "today", "yesterday", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "tonight", "tomorrow", "morning", "night", "weekend", "month", "year", "years", "analysis", "opinion",
        "podcast", "photo", "pictures", "gallery", "wrap", "recap", "roundup", "here", "heres", "things", "know",
        // French, Spanish, German function words
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "en", "au", "aux", "pour", "par", "sur", "dans", "est",
        "el", "los", "las", "del", "y", "por", "para", "con", "una", "que", "se", "al",
        "der", "die", "das", "und", "den", "dem", "ein", "eine", "im", "mit", "von", "zu", "auf", "fur", "ist",
        // Arabic and Hebrew function words
        "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "و", "التي", "الذي", "هذا", "هذه",
        "של", "את", "על", "עם", "אל", "כי", "גם", "זה",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
