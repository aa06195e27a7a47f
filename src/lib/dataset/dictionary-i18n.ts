/**
 * The data dictionary in Finnish and Swedish, beside the English in tables.ts (the contract,
 * which stays the one place columns are declared). Keyed by `table` and `table.column`;
 * tests/unit/dictionary-i18n.test.ts checks every table and column has all three languages.
 * Codes in backticks are data values and stay as they are.
 */
import { TABLES } from './tables';

export type DictionaryLocale = 'fi' | 'sv' | 'en';

interface TableText {
	description: string;
	grain: string;
}

interface Translations {
	tables: Record<string, TableText>;
	columns: Record<string, string>;
}

const FI: Translations = {
	tables: {
		programmes: { description: 'Yksi rivi kutakin luettua asiakirjaa kohden (eri sisältö).', grain: 'ohjelma (asiakirjan sisällön tiiviste)' },
		answers: {
			description: 'Jokaisen ohjelman jokainen vastaus pitkässä muodossa; kentät, joita ei voi liittää mihinkään kohtaan, säilytetään avaimella `unmapped`.',
			grain: 'ohjelma × avain (× kentän nimi liittämättömille kentille)'
		},
		completeness: {
			description: 'Kuinka hyvin lomakkeen kukin kohta on täytetty, julkaistun arviointiperusteen mukaan pisteytettynä.',
			grain: 'ohjelma × avain (lomakkeen jokainen kohta, oli se asiakirjassa tai ei)'
		},
		responsibilities: {
			description: 'Kunkin palvelun ja asiakasryhmän nimetyt tuottajat, tuottajan laji ja näyttö.',
			grain: 'ohjelma × palvelu × asiakasryhmä × tuottajan maininta'
		},
		languages: { description: 'Kielet, joilla ohjelma kertoo palveluja tarjottavan, käyttöyhteys ja näyttö.', grain: 'ohjelma × kieli × maininta' },
		cooperation: { description: 'Ohjelman kuvaamat yhteistyöjärjestelyt, kumppanit ja näyttö.', grain: 'ohjelma × järjestely × kumppani' },
		municipalities: {
			description: 'Viitetieto: Suomen kunnat 1.1.2025 aluejaolla (Tilastokeskuksen luokitukset, CC BY 4.0; väkiluku 31.12.2022).',
			grain: 'kunta'
		},
		ingest_log: {
			description: 'Jokainen luettu syötetiedosto ja sen tulos. Virheet ovat tiedostoja, joista ei saatu ohjelmaa.',
			grain: 'syötetiedosto × viesti'
		},
		programme_versions: {
			description:
				'Kunkin kunnan ohjelmat versioina laatimis- tai päivityspäivän järjestyksessä (säännöt: src/lib/programme/enrich/versions.ts). Yhteinen ohjelma on kunkin jäsenkunnan ohjelman versio; oikeilla ja synteettisillä asiakirjoilla on omat historiansa; saman päivän asiakirjat saavat saman versionumeron; päiväämättömiä ei sijoiteta.',
			grain: 'kunta × ohjelma'
		},
		programme_changes: {
			description:
				'Mitä ohjelman peräkkäisten versioiden välillä muuttui (programme_versions: kukin versio ja sitä juuri edeltävä), laskettuna muista tauluista (säännöt: src/lib/dataset/changes.ts): kohdat, joiden arvio muuttui, kohdat, joiden teksti muuttui (välilyöntien jaksot lasketaan yhdeksi), sanatason erotteluineen, sekä tuottajat, kielet ja järjestelyt, jotka löytyvät vain toisesta. Näyttö molemmilta puolilta: muuttuneiden sanojen tai tiedon ensimmäisen maininnan kohta ja väli sekä katkelma.',
			grain: 'peräkkäisten versioiden pari × muutos'
		}
	},
	columns: {
		'programmes.programme_id': 'PDF-tiedoston tavujen sha256 (heksana): sama tiedosto saa aina saman tunnisteen.',
		'programmes.file': 'Syötetiedoston polku suhteessa luettavaan kansioon, erottimena `/`.',
		'programmes.bytes': 'Tiedoston koko tavuina.',
		'programmes.input_kind': '`fillable-form` (täytettävä lomake), `flattened-form` (litistetty lomake), `own-template` (oma asiakirjapohja), `scan` (skannaus) tai `unknown`.',
		'programmes.template': 'Lomakepohja, jota asiakirja noudattaa (`tem-2024-09-03`); tyhjä, jos ei mitään.',
		'programmes.page_count': 'Sivujen määrä.',
		'programmes.ocr_confidence': 'Tekstintunnistuksella (OCR) luettujen skannattujen sivujen sanojen keskimääräinen varmuus 0–1 (tekstissä voi olla tunnistusvirheitä); tyhjä, jos yhtään sivua ei luettu OCR:llä.',
		'programmes.municipality_confidence': 'Kuinka varmat municipality_codes ovat, 0–1: kukin koodi parhaan näyttönsä mukaan — luvussa annettu kuntatieto 1, "Kunta tai kunnat" 0,95, PDF:n otsikko tai ensimmäisen sivun otsikko 0,8, yhteyshenkilön sähköposti tai koordinoiva taho 0,76, PDF:n aihe, avainsanat tai tekijä 0,6, vain kunta, jonka vastaukset mainitsevat useimmin, 0,57 (×OCR-kerroin kuten sarakkeessa confidence) — ja ohjelma heikoimman koodinsa mukaan; tyhjä, jos kuntaa ei ole. Alle 0,6:n ohjelma listataan tarkistettavaksi.',
		'completeness.confidence': 'Kuinka varma arvio on, 0–1: täytettävän lomakkeen kenttä 0,95; sivulta otsikkonsa perusteella löydetty kohta (litistetty kopio, oma pohja, skannaus) 0,9; tällaisesta asiakirjasta puuttuva kohta (sen otsikko voi olla muotoiltu toisin) 0,76; tekstintunnistuksella luettu teksti ×(0,6 + 0,35 × sivun OCR-sanavarmuus).',
		'responsibilities.confidence': 'Kuinka varma tieto on, 0–1 (2 desimaalia): lähde × osuma × yhteys × luku. Lähde: lomakkeen kenttä, joka kysyy juuri tätä (vastuutaulukko, B-kohta "Vastuutaho", kohdan s3.a2 kieliluettelo, kumppanikenttä, yhteistyön C-kohdat) 0,95, lauserakenne vapaassa tekstissä 0,8, pelkkä vihjesana (järjestely ilman nimettyä kumppania, taulukon solu, jossa ei ole tunnettua tahoa) 0,6. Osuma: tarkka nimi tai termi 1, taivutusmuodon, perusmuodon tai yhdyssanan kautta 0,95, yleisnimi ("kunta", "järjestöt") 0,85, vain asiayhteydestä luettu (pelkkä kielen nimi kieliä käsittelevässä lauseessa) 0,8, työntekijän nimike, jonka työnantaja on nimetty muualla 0,75. Yhteys: kielto lauseessa ×0,6, varaus ("tarvittaessa", "suunnitteilla", "vid behov") ×0,85, kunnan nimi, joka on myös yleissana, ilman sanaa "kunta/kaupunki" ×0,85. Luku: tekstintunnistuksella (OCR) luettu teksti ×(0,6 + 0,35 × sivun OCR-sanavarmuus). Alle 0,6:n tieto listataan tarkistettavaksi.',
		'languages.confidence': 'Kuinka varma tieto on, 0–1 (2 desimaalia): lähde × osuma × yhteys × luku. Lähde: lomakkeen kenttä, joka kysyy juuri tätä (vastuutaulukko, B-kohta "Vastuutaho", kohdan s3.a2 kieliluettelo, kumppanikenttä, yhteistyön C-kohdat) 0,95, lauserakenne vapaassa tekstissä 0,8, pelkkä vihjesana (järjestely ilman nimettyä kumppania, taulukon solu, jossa ei ole tunnettua tahoa) 0,6. Osuma: tarkka nimi tai termi 1, taivutusmuodon, perusmuodon tai yhdyssanan kautta 0,95, yleisnimi ("kunta", "järjestöt") 0,85, vain asiayhteydestä luettu (pelkkä kielen nimi kieliä käsittelevässä lauseessa) 0,8, työntekijän nimike, jonka työnantaja on nimetty muualla 0,75. Yhteys: kielto lauseessa ×0,6, varaus ("tarvittaessa", "suunnitteilla", "vid behov") ×0,85, kunnan nimi, joka on myös yleissana, ilman sanaa "kunta/kaupunki" ×0,85. Luku: tekstintunnistuksella (OCR) luettu teksti ×(0,6 + 0,35 × sivun OCR-sanavarmuus). Alle 0,6:n tieto listataan tarkistettavaksi.',
		'cooperation.confidence': 'Kuinka varma tieto on, 0–1 (2 desimaalia): lähde × osuma × yhteys × luku. Lähde: lomakkeen kenttä, joka kysyy juuri tätä (vastuutaulukko, B-kohta "Vastuutaho", kohdan s3.a2 kieliluettelo, kumppanikenttä, yhteistyön C-kohdat) 0,95, lauserakenne vapaassa tekstissä 0,8, pelkkä vihjesana (järjestely ilman nimettyä kumppania, taulukon solu, jossa ei ole tunnettua tahoa) 0,6. Osuma: tarkka nimi tai termi 1, taivutusmuodon, perusmuodon tai yhdyssanan kautta 0,95, yleisnimi ("kunta", "järjestöt") 0,85, vain asiayhteydestä luettu (pelkkä kielen nimi kieliä käsittelevässä lauseessa) 0,8, työntekijän nimike, jonka työnantaja on nimetty muualla 0,75. Yhteys: kielto lauseessa ×0,6, varaus ("tarvittaessa", "suunnitteilla", "vid behov") ×0,85, kunnan nimi, joka on myös yleissana, ilman sanaa "kunta/kaupunki" ×0,85. Luku: tekstintunnistuksella (OCR) luettu teksti ×(0,6 + 0,35 × sivun OCR-sanavarmuus). Alle 0,6:n tieto listataan tarkistettavaksi.',
		'programmes.municipalities_text': 'Otsikko-osan vastaus ”Kunta tai kunnat” kirjoitettuna.',
		'programmes.municipality_codes': 'Ohjelman kattamien kuntien koodit (3 numeroa) otsikko-osasta ja muusta näytöstä.',
		'programmes.updated': 'Ohjelman laatimis- tai päivityspäivä (otsikko-osan ”laadittu tai päivitetty”) luettuna: päivä, tai kuukauden ensimmäinen päivä, kun vain kuukausi on kirjoitettu (`updated_status` `month`); säilytetään, vaikka se ei olisi uskottava (ks. `updated_status`); tyhjä, jos mitään ei voitu lukea.',
		'programmes.updated_text': 'Sama päivämäärä kirjoitettuna.',
		'programmes.document_language': 'Vastausten pääkieli: `fi`, `sv` tai `und` (ei määritetty).',
		'programmes.is_synthetic': 'Tosi tuotetuille esittelyasiakirjoille (merkitty niiden PDF-metatietoihin). Ei koskaan sekoiteta oikeisiin tietoihin huomaamatta.',
		'programmes.is_current': 'Epätosi, kun myöhempi ohjelma kattaa samat kunnat (vanhempi versio).',
		'programmes.title': 'PDF-metatietojen otsikko.',
		'programmes.producer': 'PDF-metatietojen tuottajaohjelma.',
		'answers.programme_id': 'programmes.programme_id',
		'answers.ordinal': 'Vastauksen paikka lomakkeen järjestyksessä (liittämättömät kentät viimeisinä).',
		'answers.key': 'Vakioavain (esim. `s1.b2`, `header.updated`, `table.plan.jobseekers`) tai `unmapped`.',
		'answers.section': '`header`, `1`…`7` tai `table`; tyhjä liittämättömille kentille.',
		'answers.part': 'Kohta osan sisällä, esim. `a1`, `b`, `c`, `plan.jobseekers`; tyhjä liittämättömille.',
		'answers.field_name': 'PDF-kentän nimi (tai tekstikerroksesta luettaessa otsikko), josta arvo tuli.',
		'answers.text': 'Vastaus täsmälleen kirjoitettuna (rivinvaihdot säilytetään; `\\r\\n` → `\\n`).',
		'answers.status': '`filled` (täytetty) tai `empty` (tyhjä tai pelkkiä välilyöntejä). Tarkempi arvio completeness-taulussa.',
		'answers.page': 'Sivunumero (alkaen 1), jolla arvo on, jos tiedossa.',
		'answers.x1': 'Kentän suorakulmio PDF-koordinaateissa (pisteinä vasemmasta alakulmasta), jos tiedossa.',
		'answers.y1': '',
		'answers.x2': '',
		'answers.y2': '',
		'completeness.programme_id': 'programmes.programme_id',
		'completeness.ordinal': 'Kohdan paikka lomakkeen järjestyksessä.',
		'completeness.key': 'Vakioavain.',
		'completeness.section': '`header`, `1`…`7` tai `table`.',
		'completeness.mandatory': 'Tosi kohdille, joita KotoL 13 § edellyttää (osat 1–6, otsikko-osa hyväksymistä lukuun ottamatta).',
		'completeness.grade': '`answered` (vastattu), `thin` (liian lyhyt sanomaan mitään), `placeholder` (paikkamerkki: ”-”, ”ei”, ”tulossa”, ”TBD”…), `empty` (tyhjä) tai `missing` (asiakirjassa ei ole kohtaa).',
		'completeness.score': 'Kohdan pisteet arviointiperusteen mukaan, 0–1.',
		'completeness.reason': 'Arvion peruste sanoin (englanniksi; sivut näyttävät sen käyttöliittymän kielellä).',
		'completeness.reason_key': 'Peruste arviointiperusteen koodina (esim. `too-short`, `placeholder`, `answered`), jotta sivut voivat näyttää sen käyttöliittymän kielellä.',
		'completeness.reason_params': 'Perusteen arvot JSON-oliona, esim. `{"n":3}` (sanamäärä) tai `{"text":"-"}`.',
		'completeness.chars': 'Vastauksen pituus merkkeinä.',
		'responsibilities.programme_id': 'Ohjelma, josta tieto luettiin (programmes.programme_id).',
		'responsibilities.key': 'Sen vastauksen vakioavain, josta tieto luettiin, esim. `s3.a2` (answers.key).',
		'responsibilities.span_start': 'Näytön alku vastauksen tekstissä UTF-16-koodiyksikköinä (JavaScriptin merkkijonoindeksi).',
		'responsibilities.span_end': 'Näytön loppu (ei mukana) vastauksen tekstissä.',
		'responsibilities.snippet': 'Näytön teksti: answers.text[span_start, span_end).',
		'responsibilities.service': 'Palvelu: `assessment` (alkukartoitus), `multi_assessment`, `plan` (kotoutumissuunnitelma), `multi_plan`, `orientation` (perehdytys), `training` (kotoutumiskoulutus), `other_training`, `guidance` (ohjaus ja neuvonta), `other_services`, `follow_up` (seuranta).',
		'responsibilities.client_group': '`jobseekers` (työnhakijat), `others` (muut) tai `both` (molemmat; kun teksti ei erottele).',
		'responsibilities.provider': 'Tuottaja tekstissä nimettynä (perusmuodossa, kun se tunnetaan).',
		'responsibilities.provider_kind': '`municipality` (kunta), `host_municipality` (vastuukunta), `employment_authority` (työllisyysviranomainen), `wellbeing_county` (hyvinvointialue), `ely_keha` (ELY/KEHA), `education_provider` (oppilaitos), `ngo_parish` (järjestö tai seurakunta), `private_company` (yritys), `other` (muu).',
		'responsibilities.provider_municipality_code': 'Kuntakoodi, kun tuottaja on kunta (ohjelman oma tai vastuukunta).',
		'responsibilities.from_table': 'Tosi, kun luettu vastuutaulukosta; epätosi, kun tekstistä.',
		'languages.programme_id': 'Ohjelma, josta tieto luettiin (programmes.programme_id).',
		'languages.key': 'Sen vastauksen vakioavain, josta tieto luettiin, esim. `s3.a2` (answers.key).',
		'languages.span_start': 'Näytön alku vastauksen tekstissä UTF-16-koodiyksikköinä (JavaScriptin merkkijonoindeksi).',
		'languages.span_end': 'Näytön loppu (ei mukana) vastauksen tekstissä.',
		'languages.snippet': 'Näytön teksti: answers.text[span_start, span_end).',
		'languages.language_code': 'ISO 639-1 -koodi, jos sellainen on, muuten ISO 639-3 (esim. `uk`, `ar`, `prs` dari, `ckb` sorani, `fse` suomalainen viittomakieli).',
		'languages.language_name_fi': 'Kielen suomenkielinen nimi.',
		'languages.context': '`orientation` (perehdytys), `training` (koulutus), `guidance` (ohjaus) tai `other` (muu): mihin kieltä tarjotaan.',
		'cooperation.programme_id': 'Ohjelma, josta tieto luettiin (programmes.programme_id).',
		'cooperation.key': 'Sen vastauksen vakioavain, josta tieto luettiin, esim. `s3.a2` (answers.key).',
		'cooperation.span_start': 'Näytön alku vastauksen tekstissä UTF-16-koodiyksikköinä (JavaScriptin merkkijonoindeksi).',
		'cooperation.span_end': 'Näytön loppu (ei mukana) vastauksen tekstissä.',
		'cooperation.snippet': 'Näytön teksti: answers.text[span_start, span_end).',
		'cooperation.arrangement_type': '`kuntalaki_54` (yhteistoimintasopimus, kuntalaki 410/2015 54 §), `joint_programme` (yhteinen ohjelma), `employment_area` (työllisyysalue), `municipal_cooperation` (yhteistyö nimetyn kunnan kanssa ilman mainittua sopimustyyppiä), `joint_procurement` (yhteishankinta), `purchased_service` (ostopalvelu), `wellbeing_county` (hyvinvointialue), `education_provider` (oppilaitos), `ngo_parish` (järjestö tai seurakunta).',
		'cooperation.partner': 'Kumppani nimettynä (perusmuodossa, kun se tunnetaan); tyhjä, jos järjestely ei nimeä kumppania.',
		'cooperation.partner_kind': 'Sama sanasto kuin responsibilities.provider_kind.',
		'cooperation.partner_municipality_code': 'Kumppanin kuntakoodi, jos kumppani on kunta.',
		'cooperation.partner_area_code': 'Alue, jota kumppani edustaa: työllisyysalueen koodi (municipalities.employment_area_code) `employment_area`-järjestelyille ja työllisyysviranomaisille, hyvinvointialueen koodi (municipalities.wellbeing_county_code) hyvinvointialueille; muuten tyhjä.',
		'cooperation.role': '`kuntalaki_54`: `host` (kunta, joka järjestää palvelut sopimuksen nojalla) tai `member` (sopimukseen kuuluva kunta, ohjelman oma mukaan lukien; jäsen jakaa vastuukunnan); `joint_programme`: `member`; `employment_area`: `host` alueen vastuukunnalle; `municipal_cooperation`: `partner` (ei koskaan ohjelman oma kunta eikä 54 §:n sopimuksen vastuukunta tai jäsen); muuten `partner`.',
		'municipalities.code': 'Kolminumeroinen kuntakoodi.',
		'municipalities.name_fi': 'Suomenkielinen nimi.',
		'municipalities.name_sv': 'Ruotsinkielinen nimi.',
		'municipalities.region_code': 'Maakunnan koodi.',
		'municipalities.region_fi': 'Maakunnan nimi.',
		'municipalities.wellbeing_county_code': 'Hyvinvointialueen koodi; 90 Helsinki, 91 Ahvenanmaa.',
		'municipalities.wellbeing_county_fi': 'Hyvinvointialueen nimi.',
		'municipalities.employment_area_code': 'Työllisyysalueen koodi.',
		'municipalities.employment_area': 'Työllisyysalueen lyhyt nimi (Tilastokeskus).',
		'municipalities.language_status': '`fi` (suomenkielinen), `sv` (ruotsinkielinen), `fi-sv` (kaksikielinen, suomi enemmistön kieli) tai `sv-fi`.',
		'municipalities.population': 'Väkiluku 31.12.2022.',
		'municipalities.population_class': 'Rajausten kokoluokka: `<5k`, `5–20k`, `20–50k`, `50–100k`, `≥100k`.',
		'municipalities.aland': 'Tosi Ahvenanmaalle (manner-Suomen uudistusten ulkopuolella; ohjelmaa ei odoteta KotoL:n nojalla).',
		'ingest_log.file': 'Syötetiedoston polku suhteessa luettavaan kansioon.',
		'ingest_log.seq': 'Viestin numero tiedoston sisällä (ensimmäinen 0).',
		'ingest_log.programme_id': 'Ohjelma, jonka tiedosto antoi, jos mikään.',
		'ingest_log.status': '`ok`, `warning` (varoitus) tai `error` (virhe).',
		'ingest_log.code': 'Syy koodina, esim. `not-pdf`, `encrypted`, `unmapped-field`, `unresolved-municipality`.',
		'ingest_log.reason': 'Mitä tapahtui, sanoin, joiden perusteella voi toimia (englanniksi).',
		'programme_versions.code': 'Kunta, jonka historiasta on kyse (municipalities.code).',
		'programme_versions.programme_id': 'programmes.programme_id',
		'programme_versions.version': '1 kunnan varhaisimmalle päivätylle ohjelmalle, 2 seuraavalle päivälle, …; tyhjä, jos asiakirjaa ei ole päivätty.',
		'programme_versions.previous_programme_ids': 'Tätä edeltävän päivän versio(t) tälle kunnalle (useita, jos niillä on sama päivä); tyhjä ensimmäiselle ja päiväämättömille.',
		'programme_versions.is_latest': 'Tosi kunnan uusimmalle päivätylle versiolle (tai versioille).',
		'programmes.updated_status': 'Miten päivämäärä luettiin (src/lib/dataset/dates.ts): `ok` (päivä), `month` (vain kuukausi ja vuosi), `missing` (ei kirjoitettu), `unparseable` (kirjoitettu, mutta yksiselitteistä päivämäärää ei voitu lukea), `future` (luvun viitepäivän jälkeen, manifest.json `referenceDate`), `before-2024` (ennen kuin laki ja lomake olivat olemassa). Vain `ok`- ja `month`-päivämäärät järjestävät versiot ja lasketaan mukaan suodattimeen ”päivitetty jälkeen”; muut merkitään ingest_log-tauluun eivätkä koskaan korvaa toista ohjelmaa.',
		'programme_changes.from_programme_id': 'Aiempi versio (programmes.programme_id).',
		'programme_changes.to_programme_id': 'Myöhempi versio (programmes.programme_id).',
		'programme_changes.municipality_codes': 'Kunnat, joille nämä kaksi ovat peräkkäiset versiot (programme_versions.code).',
		'programme_changes.change': '`grade` (arvio), `text` (teksti), `provider` (tuottaja), `language` (kieli) tai `arrangement` (järjestely).',
		'programme_changes.direction': '`changed` (arvio, teksti muuttui), `added` (kirjoitettu tai löydetty vain myöhemmästä versiosta) tai `removed` (vain aiemmasta).',
		'programme_changes.key': 'Kohta, jossa muutos on (answers.key): lisätylle tiedolle sen maininnan kohta myöhemmässä versiossa, poistetulle aiemmassa.',
		'programme_changes.ordinal': 'Kohdan paikka lomakkeen järjestyksessä.',
		'programme_changes.grade_before': '`grade`: aiempi arvio (completeness.grade).',
		'programme_changes.grade_after': '`grade`: myöhempi arvio.',
		'programme_changes.words_added': '`text`: myöhemmän tekstin sanat, joita aiemmassa ei ole.',
		'programme_changes.words_removed': '`text`: aiemman tekstin sanat, joita myöhemmässä ei ole.',
		'programme_changes.diff': '`text`: sanatason erottelu JSON-muodossa, luettelo pareja `[op, text]`, joissa op on `=` (säilynyt), `-` (poistettu) tai `+` (lisätty); `=`- ja `-`-tekstit yhdessä antavat aiemman tekstin, `=`- ja `+`-tekstit myöhemmän (välilyönnit myöhemmän tekstin mukaan).',
		'programme_changes.service': '`provider`: palvelu (responsibilities.service).',
		'programme_changes.client_group': '`provider`: asiakasryhmä (responsibilities.client_group).',
		'programme_changes.provider': '`provider`: tuottaja nimettynä (responsibilities.provider).',
		'programme_changes.provider_kind': '`provider`: tuottajan laji (responsibilities.provider_kind).',
		'programme_changes.language_code': '`language`: kieli (languages.language_code).',
		'programme_changes.context': '`language`: käyttöyhteys (languages.context).',
		'programme_changes.arrangement_type': '`arrangement`: järjestelyn laji (cooperation.arrangement_type).',
		'programme_changes.partner': '`arrangement`: kumppani (cooperation.partner).',
		'programme_changes.role': '`arrangement`: rooli (cooperation.role).',
		'programme_changes.from_key': 'Näyttö aiemmassa versiossa: kohta (answers.key); tyhjä, jos sillä ei ole näyttöä (lisätty tieto, puuttuva kohta).',
		'programme_changes.from_span_start': 'Näytön alku kyseisen vastauksen tekstissä (UTF-16-koodiyksikköinä); lisäykselle kohta, johon sanat lisättiin (tyhjä väli).',
		'programme_changes.from_span_end': 'Näytön loppu (ei mukana).',
		'programme_changes.from_snippet': 'Näytön teksti: aiemman version answers.text[from_span_start, from_span_end).',
		'programme_changes.to_key': 'Näyttö myöhemmässä versiossa: kohta; tyhjä, jos sillä ei ole näyttöä (poistettu tieto, puuttuva kohta).',
		'programme_changes.to_span_start': 'Näytön alku myöhemmän version vastauksen tekstissä.',
		'programme_changes.to_span_end': 'Näytön loppu (ei mukana).',
		'programme_changes.to_snippet': 'Näytön teksti: myöhemmän version answers.text[to_span_start, to_span_end).',
	}
};

const SV: Translations = {
	tables: {
		programmes: { description: 'En rad per inläst dokument (distinkt innehåll).', grain: 'program (dokumentinnehållets hash)' },
		answers: {
			description: 'Varje svar i varje program i långt format; fält som inte hör till någon punkt behålls med nyckeln `unmapped`.',
			grain: 'program × nyckel (× fältnamn för fält utan punkt)'
		},
		completeness: {
			description: 'Hur väl varje punkt i blanketten är besvarad, poängsatt enligt de publicerade bedömningsgrunderna.',
			grain: 'program × nyckel (varje punkt i blanketten, oavsett om dokumentet har den)'
		},
		responsibilities: {
			description: 'Producenter som nämns för varje tjänst och kundgrupp, med producentens typ och belägget.',
			grain: 'program × tjänst × kundgrupp × omnämnande av producent'
		},
		languages: { description: 'Språk som ett program säger att tjänster erbjuds på, med sammanhang och belägg.', grain: 'program × språk × omnämnande' },
		cooperation: { description: 'Samarbetsarrangemang som ett program beskriver, med parter och belägg.', grain: 'program × arrangemang × part' },
		municipalities: {
			description: 'Referens: Finlands kommuner enligt indelningen 1.1.2025 (Statistikcentralens klassificeringar, CC BY 4.0; folkmängd 31.12.2022).',
			grain: 'kommun'
		},
		ingest_log: {
			description: 'Varje indatafil som lästes in och dess resultat. Fel är filer som inte gav något program.',
			grain: 'indatafil × meddelande'
		},
		programme_versions: {
			description:
				'Varje kommuns program som versioner, i ordning efter datum då de utarbetades eller uppdaterades (regler: src/lib/programme/enrich/versions.ts). Ett gemensamt program är en version av varje medlemskommuns program; riktiga och syntetiska dokument har egna historier; dokument med samma datum får samma versionsnummer; odaterade placeras inte.',
			grain: 'kommun × program'
		},
		programme_changes: {
			description:
				'Vad som ändrades mellan på varandra följande versioner av ett program (programme_versions: varje version och den som daterats närmast före), beräknat ur de andra tabellerna (regler: src/lib/dataset/changes.ts): punkter vars bedömning ändrades, punkter vars text ändrades (följder av blanksteg räknas som ett) med en ordvis jämförelse, samt producenter, språk och arrangemang som finns bara i den ena. Belägg på båda sidor: punkten och intervallet för de ändrade orden eller för uppgiftens första omnämnande, med utdraget.',
			grain: 'par av på varandra följande versioner × ändring'
		}
	},
	columns: {
		'programmes.programme_id': 'sha256 av PDF-filens byte (hex): samma fil får alltid samma id.',
		'programmes.file': 'Indatafilens sökväg i förhållande till inläsningsmappen, med `/` som avgränsare.',
		'programmes.bytes': 'Filens storlek i byte.',
		'programmes.input_kind': '`fillable-form` (ifyllbar blankett), `flattened-form` (tillplattad blankett), `own-template` (egen dokumentmall), `scan` (skanning) eller `unknown`.',
		'programmes.template': 'Blankettmall som dokumentet följer (`tem-2024-09-03`); tomt om ingen.',
		'programmes.page_count': 'Antal sidor.',
		'programmes.ocr_confidence': 'Skannade sidor lästa med textigenkänning (OCR): ordens medelsäkerhet 0–1 över de sidorna (texten kan ha igenkänningsfel); tomt om ingen sida lästes med OCR.',
		'programmes.municipality_confidence': 'Hur säkra municipality_codes är, 0–1: varje kod efter sitt bästa belägg — kommunuppgiften given vid inläsningen 1, "Kommun eller kommuner" 0,95, PDF:ens titel eller förstasidans rubrik 0,8, kontaktpersonens e-post eller den samordnande aktören 0,76, PDF:ens ämne, nyckelord eller författare 0,6, bara den kommun som svaren nämner oftast 0,57 (×OCR-faktorn som i kolumnen confidence) — och programmet efter sin svagaste kod; tomt om ingen kommun. Under 0,6 listas programmet för granskning.',
		'completeness.confidence': 'Hur säker bedömningen är, 0–1: ett fält i det ifyllbara formuläret 0,95; en punkt som hittats genom sin rubrik på sidan (platt kopia, egen mall, skanning) 0,9; en punkt som saknas i ett sådant dokument (rubriken kan vara omformulerad) 0,76; text läst med textigenkänning ×(0,6 + 0,35 × sidans OCR-ordsäkerhet).',
		'responsibilities.confidence': 'Hur säker uppgiften är, 0–1 (2 decimaler): källa × träff × sammanhang × läsning. Källa: ett formulärfält som frågar just detta (ansvarstabellen, B-punkten "Ansvarig aktör", språklistan i s3.a2, partnerfältet, C-punkterna för samarbete) 0,95, ett satsmönster i fri text 0,8, bara ett signalord (ett arrangemang utan namngiven partner, en tabellcell utan känd aktör) 0,6. Träff: exakt namn eller term 1, via en böjningsform, grundform eller ett sammansatt ord 0,95, allmän benämning ("kunta", "järjestöt") 0,85, räknad bara genom sammanhanget (ett ensamt språknamn i en mening om språk) 0,8, en yrkesbeteckning vars arbetsgivare nämns på annat håll 0,75. Sammanhang: en negation i meningen ×0,6, en reservation ("tarvittaessa", "suunnitteilla", "vid behov") ×0,85, ett kommunnamn som också är ett vanligt ord, utan "kunta/kaupunki" ×0,85. Läsning: text läst med textigenkänning (OCR) ×(0,6 + 0,35 × sidans OCR-ordsäkerhet). Under 0,6 listas uppgiften för granskning.',
		'languages.confidence': 'Hur säker uppgiften är, 0–1 (2 decimaler): källa × träff × sammanhang × läsning. Källa: ett formulärfält som frågar just detta (ansvarstabellen, B-punkten "Ansvarig aktör", språklistan i s3.a2, partnerfältet, C-punkterna för samarbete) 0,95, ett satsmönster i fri text 0,8, bara ett signalord (ett arrangemang utan namngiven partner, en tabellcell utan känd aktör) 0,6. Träff: exakt namn eller term 1, via en böjningsform, grundform eller ett sammansatt ord 0,95, allmän benämning ("kunta", "järjestöt") 0,85, räknad bara genom sammanhanget (ett ensamt språknamn i en mening om språk) 0,8, en yrkesbeteckning vars arbetsgivare nämns på annat håll 0,75. Sammanhang: en negation i meningen ×0,6, en reservation ("tarvittaessa", "suunnitteilla", "vid behov") ×0,85, ett kommunnamn som också är ett vanligt ord, utan "kunta/kaupunki" ×0,85. Läsning: text läst med textigenkänning (OCR) ×(0,6 + 0,35 × sidans OCR-ordsäkerhet). Under 0,6 listas uppgiften för granskning.',
		'cooperation.confidence': 'Hur säker uppgiften är, 0–1 (2 decimaler): källa × träff × sammanhang × läsning. Källa: ett formulärfält som frågar just detta (ansvarstabellen, B-punkten "Ansvarig aktör", språklistan i s3.a2, partnerfältet, C-punkterna för samarbete) 0,95, ett satsmönster i fri text 0,8, bara ett signalord (ett arrangemang utan namngiven partner, en tabellcell utan känd aktör) 0,6. Träff: exakt namn eller term 1, via en böjningsform, grundform eller ett sammansatt ord 0,95, allmän benämning ("kunta", "järjestöt") 0,85, räknad bara genom sammanhanget (ett ensamt språknamn i en mening om språk) 0,8, en yrkesbeteckning vars arbetsgivare nämns på annat håll 0,75. Sammanhang: en negation i meningen ×0,6, en reservation ("tarvittaessa", "suunnitteilla", "vid behov") ×0,85, ett kommunnamn som också är ett vanligt ord, utan "kunta/kaupunki" ×0,85. Läsning: text läst med textigenkänning (OCR) ×(0,6 + 0,35 × sidans OCR-ordsäkerhet). Under 0,6 listas uppgiften för granskning.',
		'programmes.municipalities_text': 'Rubrikdelens svar ”Kommun eller kommuner” som det är skrivet.',
		'programmes.municipality_codes': 'Koder (3 siffror) för kommunerna programmet gäller, från rubrikdelen och andra belägg.',
		'programmes.updated': 'Datum då programmet utarbetades eller uppdaterades (rubrikdelens ”utarbetad eller uppdaterad”) så som det lästes: en dag, eller månadens första dag när bara en månad är skriven (`updated_status` `month`); behålls även när det inte är trovärdigt (se `updated_status`); tomt när inget kunde läsas.',
		'programmes.updated_text': 'Samma datum som det är skrivet.',
		'programmes.document_language': 'Svarens huvudspråk: `fi`, `sv` eller `und` (obestämt).',
		'programmes.is_synthetic': 'Sant för genererade demodokument (märkta i PDF-metadata). Blandas aldrig obemärkt med riktiga data.',
		'programmes.is_current': 'Falskt när ett senare program gäller samma kommuner (en äldre version).',
		'programmes.title': 'Titel i PDF-metadata.',
		'programmes.producer': 'Producentprogram i PDF-metadata.',
		'answers.programme_id': 'programmes.programme_id',
		'answers.ordinal': 'Svarets plats i blankettens ordning (fält utan punkt sist).',
		'answers.key': 'Standardnyckel (t.ex. `s1.b2`, `header.updated`, `table.plan.jobseekers`) eller `unmapped`.',
		'answers.section': '`header`, `1`…`7` eller `table`; tomt för fält utan punkt.',
		'answers.part': 'Punkt inom avsnittet, t.ex. `a1`, `b`, `c`, `plan.jobseekers`; tomt för fält utan punkt.',
		'answers.field_name': 'PDF-fältets namn (eller, vid läsning av textlagret, rubriken) som värdet kom från.',
		'answers.text': 'Svaret exakt som det är skrivet (radbrytningar behålls; `\\r\\n` → `\\n`).',
		'answers.status': '`filled` (ifyllt) eller `empty` (tomt eller bara blanktecken). Finare bedömning i tabellen completeness.',
		'answers.page': 'Sidnummer (från 1) där värdet står, om känt.',
		'answers.x1': 'Fältets rektangel i PDF-koordinater (punkter från nedre vänstra hörnet), om känd.',
		'answers.y1': '',
		'answers.x2': '',
		'answers.y2': '',
		'completeness.programme_id': 'programmes.programme_id',
		'completeness.ordinal': 'Punktens plats i blankettens ordning.',
		'completeness.key': 'Standardnyckel.',
		'completeness.section': '`header`, `1`…`7` eller `table`.',
		'completeness.mandatory': 'Sant för punkter som 13 § i integrationslagen kräver (avsnitt 1–6, rubrikdelen utom godkännandet).',
		'completeness.grade': '`answered` (besvarad), `thin` (för kort för att säga något), `placeholder` (platshållare: ”-”, ”ei”, ”tulossa”, ”TBD”…), `empty` (tom) eller `missing` (dokumentet saknar punkten).',
		'completeness.score': 'Punktens poäng enligt bedömningsgrunderna, 0–1.',
		'completeness.reason': 'Skälet till bedömningen i ord (på engelska; sidorna visar det på gränssnittets språk).',
		'completeness.reason_key': 'Skälet som kod i bedömningsgrunderna (t.ex. `too-short`, `placeholder`, `answered`), så att sidorna kan visa det på gränssnittets språk.',
		'completeness.reason_params': 'Skälets värden som JSON-objekt, t.ex. `{"n":3}` (antal ord) eller `{"text":"-"}`.',
		'completeness.chars': 'Svarets längd i tecken.',
		'responsibilities.programme_id': 'Programmet som uppgiften lästes ur (programmes.programme_id).',
		'responsibilities.key': 'Standardnyckeln för svaret som uppgiften lästes ur, t.ex. `s3.a2` (answers.key).',
		'responsibilities.span_start': 'Beläggets början i svarstexten, i UTF-16-kodenheter (JavaScripts strängindex).',
		'responsibilities.span_end': 'Beläggets slut (exklusivt) i svarstexten.',
		'responsibilities.snippet': 'Beläggets text: answers.text[span_start, span_end).',
		'responsibilities.service': 'Tjänst: `assessment` (inledande kartläggning), `multi_assessment`, `plan` (integrationsplan), `multi_plan`, `orientation` (introduktion), `training` (integrationsutbildning), `other_training`, `guidance` (handledning och rådgivning), `other_services`, `follow_up` (uppföljning).',
		'responsibilities.client_group': '`jobseekers` (arbetssökande), `others` (övriga) eller `both` (båda; när texten inte skiljer).',
		'responsibilities.provider': 'Producenten som den nämns i texten (i grundform när den är känd).',
		'responsibilities.provider_kind': '`municipality` (kommun), `host_municipality` (ansvarskommun), `employment_authority` (arbetskraftsmyndighet), `wellbeing_county` (välfärdsområde), `ely_keha` (NTM/KEHA), `education_provider` (läroanstalt), `ngo_parish` (organisation eller församling), `private_company` (företag), `other` (annan).',
		'responsibilities.provider_municipality_code': 'Kommunkod när producenten är en kommun (programmets egen eller en ansvarskommun).',
		'responsibilities.from_table': 'Sant när uppgiften lästes ur ansvarstabellen, falskt när ur texten.',
		'languages.programme_id': 'Programmet som uppgiften lästes ur (programmes.programme_id).',
		'languages.key': 'Standardnyckeln för svaret som uppgiften lästes ur, t.ex. `s3.a2` (answers.key).',
		'languages.span_start': 'Beläggets början i svarstexten, i UTF-16-kodenheter (JavaScripts strängindex).',
		'languages.span_end': 'Beläggets slut (exklusivt) i svarstexten.',
		'languages.snippet': 'Beläggets text: answers.text[span_start, span_end).',
		'languages.language_code': 'ISO 639-1-kod där en sådan finns, annars ISO 639-3 (t.ex. `uk`, `ar`, `prs` dari, `ckb` sorani, `fse` finskt teckenspråk).',
		'languages.language_name_fi': 'Språkets finska namn.',
		'languages.context': '`orientation` (introduktion), `training` (utbildning), `guidance` (handledning) eller `other` (annat): vad språket erbjuds för.',
		'cooperation.programme_id': 'Programmet som uppgiften lästes ur (programmes.programme_id).',
		'cooperation.key': 'Standardnyckeln för svaret som uppgiften lästes ur, t.ex. `s3.a2` (answers.key).',
		'cooperation.span_start': 'Beläggets början i svarstexten, i UTF-16-kodenheter (JavaScripts strängindex).',
		'cooperation.span_end': 'Beläggets slut (exklusivt) i svarstexten.',
		'cooperation.snippet': 'Beläggets text: answers.text[span_start, span_end).',
		'cooperation.arrangement_type': '`kuntalaki_54` (samarbetsavtal, kommunallagen 410/2015 54 §), `joint_programme` (gemensamt program), `employment_area` (sysselsättningsområde), `municipal_cooperation` (samarbete med en namngiven kommun utan angiven avtalstyp), `joint_procurement` (gemensam upphandling), `purchased_service` (köpt tjänst), `wellbeing_county` (välfärdsområde), `education_provider` (läroanstalt), `ngo_parish` (organisation eller församling).',
		'cooperation.partner': 'Parten som den nämns (i grundform när den är känd); tomt när arrangemanget inte nämner någon.',
		'cooperation.partner_kind': 'Samma vokabulär som responsibilities.provider_kind.',
		'cooperation.partner_municipality_code': 'Partens kommunkod, om parten är en kommun.',
		'cooperation.partner_area_code': 'Området parten står för: sysselsättningsområdets kod (municipalities.employment_area_code) för `employment_area` och arbetskraftsmyndigheter, välfärdsområdets kod (municipalities.wellbeing_county_code) för välfärdsområden; annars tomt.',
		'cooperation.role': '`kuntalaki_54`: `host` (kommunen som ordnar tjänsterna enligt avtalet) eller `member` (en kommun som hör till avtalet, programmets egen inräknad; en medlem delar ansvarskommunen); `joint_programme`: `member`; `employment_area`: `host` för områdets ansvarskommun; `municipal_cooperation`: `partner` (aldrig programmets egen kommun eller ansvarskommun eller medlem i ett avtal enligt 54 §); annars `partner`.',
		'municipalities.code': 'Tresiffrig kommunkod.',
		'municipalities.name_fi': 'Finskt namn.',
		'municipalities.name_sv': 'Svenskt namn.',
		'municipalities.region_code': 'Landskapets kod.',
		'municipalities.region_fi': 'Landskapets namn (på finska).',
		'municipalities.wellbeing_county_code': 'Välfärdsområdets kod; 90 Helsingfors, 91 Åland.',
		'municipalities.wellbeing_county_fi': 'Välfärdsområdets namn (på finska).',
		'municipalities.employment_area_code': 'Sysselsättningsområdets kod.',
		'municipalities.employment_area': 'Sysselsättningsområdets korta namn (Statistikcentralen).',
		'municipalities.language_status': '`fi` (finskspråkig), `sv` (svenskspråkig), `fi-sv` (tvåspråkig, finska majoritetsspråk) eller `sv-fi`.',
		'municipalities.population': 'Folkmängd 31.12.2022.',
		'municipalities.population_class': 'Storleksklass som filtren använder: `<5k`, `5–20k`, `20–50k`, `50–100k`, `≥100k`.',
		'municipalities.aland': 'Sant för Åland (utanför reformerna på fastlandet; förväntas inte publicera ett program enligt integrationslagen).',
		'ingest_log.file': 'Indatafilens sökväg i förhållande till inläsningsmappen.',
		'ingest_log.seq': 'Meddelandets nummer inom filen (det första 0).',
		'ingest_log.programme_id': 'Programmet som filen gav, om något.',
		'ingest_log.status': '`ok`, `warning` (varning) eller `error` (fel).',
		'ingest_log.code': 'Orsaken som kod, t.ex. `not-pdf`, `encrypted`, `unmapped-field`, `unresolved-municipality`.',
		'ingest_log.reason': 'Vad som hände, i ord man kan agera på (på engelska).',
		'programme_versions.code': 'Kommunen vars historia det är (municipalities.code).',
		'programme_versions.programme_id': 'programmes.programme_id',
		'programme_versions.version': '1 för kommunens tidigaste daterade program, 2 för nästa datum, …; tomt om dokumentet är odaterat.',
		'programme_versions.previous_programme_ids': 'Versionen/versionerna daterade närmast före denna för kommunen (flera när de har samma datum); tomt för den första och för odaterade.',
		'programme_versions.is_latest': 'Sant för kommunens nyaste daterade version(er).',
		'programmes.updated_status': 'Hur datumet lästes (src/lib/dataset/dates.ts): `ok` (en dag), `month` (bara månad och år), `missing` (inget skrivet), `unparseable` (skrivet, men inget entydigt datum kunde läsas), `future` (efter inläsningens referensdatum, manifest.json `referenceDate`), `before-2024` (innan lagen och blanketten fanns). Bara datum med `ok` och `month` ordnar versionerna och räknas för ”uppdaterat sedan”; de andra flaggas i ingest_log och ersätter aldrig ett annat program.',
		'programme_changes.from_programme_id': 'Den tidigare versionen (programmes.programme_id).',
		'programme_changes.to_programme_id': 'Den senare versionen (programmes.programme_id).',
		'programme_changes.municipality_codes': 'Kommunerna för vilka de två är på varandra följande versioner (programme_versions.code).',
		'programme_changes.change': '`grade` (bedömning), `text`, `provider` (producent), `language` (språk) eller `arrangement` (arrangemang).',
		'programme_changes.direction': '`changed` (bedömning, text ändrad), `added` (skrivet eller hittat bara i den senare versionen) eller `removed` (bara i den tidigare).',
		'programme_changes.key': 'Punkten där ändringen finns (answers.key): för en tillagd uppgift punkten för dess omnämnande i den senare versionen, för en borttagen i den tidigare.',
		'programme_changes.ordinal': 'Punktens plats i blankettens ordning.',
		'programme_changes.grade_before': '`grade`: den tidigare bedömningen (completeness.grade).',
		'programme_changes.grade_after': '`grade`: den senare bedömningen.',
		'programme_changes.words_added': '`text`: ord i den senare texten som den tidigare saknar.',
		'programme_changes.words_removed': '`text`: ord i den tidigare texten som den senare saknar.',
		'programme_changes.diff': '`text`: den ordvisa jämförelsen som JSON, en lista av `[op, text]` där op är `=` (kvar), `-` (borttaget) eller `+` (tillagt); `=`- och `-`-texterna tillsammans ger den tidigare texten, `=`- och `+`-texterna den senare (blanksteg som i den senare texten).',
		'programme_changes.service': '`provider`: tjänst (responsibilities.service).',
		'programme_changes.client_group': '`provider`: kundgrupp (responsibilities.client_group).',
		'programme_changes.provider': '`provider`: producenten så som den nämns (responsibilities.provider).',
		'programme_changes.provider_kind': '`provider`: producentens typ (responsibilities.provider_kind).',
		'programme_changes.language_code': '`language`: språk (languages.language_code).',
		'programme_changes.context': '`language`: sammanhang (languages.context).',
		'programme_changes.arrangement_type': '`arrangement`: arrangemangets typ (cooperation.arrangement_type).',
		'programme_changes.partner': '`arrangement`: part (cooperation.partner).',
		'programme_changes.role': '`arrangement`: roll (cooperation.role).',
		'programme_changes.from_key': 'Belägg i den tidigare versionen: punkten (answers.key); tomt när den saknar belägg (en tillagd uppgift, en punkt den saknar).',
		'programme_changes.from_span_start': 'Beläggets början i svarets text (UTF-16-kodenheter); för en infogning platsen där orden infogades (ett tomt intervall).',
		'programme_changes.from_span_end': 'Beläggets slut (exklusivt).',
		'programme_changes.from_snippet': 'Beläggets text: answers.text[from_span_start, from_span_end) i den tidigare versionen.',
		'programme_changes.to_key': 'Belägg i den senare versionen: punkten; tomt när den saknar belägg (en borttagen uppgift, en punkt den saknar).',
		'programme_changes.to_span_start': 'Beläggets början i den senare versionens svarstext.',
		'programme_changes.to_span_end': 'Beläggets slut (exklusivt).',
		'programme_changes.to_snippet': 'Beläggets text: answers.text[to_span_start, to_span_end) i den senare versionen.',
	}
};

const BY_LOCALE: Record<'fi' | 'sv', Translations> = { fi: FI, sv: SV };

/** Every `table.column` key the dictionary has in Finnish or Swedish (for the completeness test). */
export const translatedColumns = (locale: 'fi' | 'sv'): readonly string[] => Object.keys(BY_LOCALE[locale].columns);
export const translatedTables = (locale: 'fi' | 'sv'): readonly string[] => Object.keys(BY_LOCALE[locale].tables);

const tableDef = (table: string) => TABLES.find((t) => t.name === table);

/** A table's description and grain in the locale; English (tables.ts) when no translation exists. */
export function tableText(locale: DictionaryLocale, table: string): TableText {
	const def = tableDef(table);
	const en = { description: def?.description ?? '', grain: def?.grain ?? '' };
	if (locale === 'en') return en;
	return BY_LOCALE[locale].tables[table] ?? en;
}

/** A column's description in the locale; English (tables.ts) when no translation exists. */
export function columnText(locale: DictionaryLocale, table: string, column: string): string {
	const en = tableDef(table)?.columns.find((c) => c.name === column)?.description ?? '';
	if (locale === 'en') return en;
	return BY_LOCALE[locale].columns[`${table}.${column}`] ?? en;
}
