import InterviewKit
print(Stemmer.english.stem("monitoring"))
