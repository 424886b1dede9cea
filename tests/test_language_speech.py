"""Verbalization in the other show languages: written news text -> what a newsreader of that language says.

One table per language, written and reviewed by hand: numbers with the decimal comma and thousands dot (or the
lakh and crore grouping), currencies agreeing in gender and number, percentages, dates, times, ordinals, units,
abbreviations and addresses.
"""

from __future__ import annotations

import pytest

from podcast.language import es, fr, hi, it, pt_br
from podcast.language.rules import LanguageRules
from podcast.language.verbalizer import FORBIDDEN, Verbalizer


def cases(*rows: tuple[str, str, str]) -> list[object]:
    return [pytest.param(written, spoken, id=name) for name, written, spoken in rows]


SPANISH = cases(
    ('thousands-dot', 'El Ibex 35 cerró en 13.812,6 puntos.', 'El Ibex treinta y cinco cerró en trece mil ochocientos doce coma seis puntos.'),
    ('decimal-comma', 'La inflación se situó en el 2,3 %.', 'La inflación se situó en el dos coma tres por ciento.'),
    ('percent-glued', 'subió un 4,5%', 'subió un cuatro coma cinco por ciento'),
    ('percent-range', 'entre el 2 y el 3 %', 'entre el dos y el tres por ciento'),
    ('percent-dash-range', 'un alza del 2-3 %', 'un alza del dos a tres por ciento'),
    ('negative', 'una caída de -0,4 puntos', 'una caída de menos cero coma cuatro puntos'),
    ('big-number', '1.234.567 habitantes', 'Un millón doscientos treinta y cuatro mil quinientos sesenta y siete habitantes'),
    ('thin-space-groups', 'Viven 15 000 personas.', 'Viven quince mil personas.'),
    ('year', 'en 2027', 'en dos mil veintisiete'),
    ('zero', '0 casos', 'Cero casos'),
    ('feminine-21', '21 personas', 'Veintiuna personas'),
    ('feminine-hundreds', '200 personas', 'Doscientas personas'),
    ('feminine-thousands', '201.000 viviendas', 'Doscientas un mil viviendas'),
    ('masculine-apocope', '21 años', 'Veintiún años'),
    ('one-masculine', '1 día', 'Un día'),
    ('problema-masculine', '1 problema', 'Un problema'),
    ('euro-symbol-after', 'Cuesta 20 €.', 'Cuesta veinte euros.'),
    ('euro-cents', 'Cuesta 2,50 €.', 'Cuesta dos euros con cincuenta céntimos.'),
    ('euro-only-cents', 'Cuesta 0,99 €.', 'Cuesta noventa y nueve céntimos.'),
    ('euro-one', 'Pagó 1 €.', 'Pagó un euro.'),
    ('euro-before', 'Pagó €300.', 'Pagó trescientos euros.'),
    ('dollar-bare', 'Vale $5.', 'Vale cinco dólares.'),
    ('us-dollar', 'Ganó US$ 1.200.', 'Ganó mil doscientos dólares estadounidenses.'),
    ('pound-feminine', 'Pagó £21.', 'Pagó veintiuna libras.'),
    ('pound-hundreds', 'Pagó £200.', 'Pagó doscientas libras.'),
    ('millions-of-euros', '1,5 millones de euros', 'Uno coma cinco millones de euros'),
    ('millions-decimals-apocope', 'hasta 2,41 millones de parados', 'hasta dos coma cuarenta y un millones de parados'),
    ('millions-decimals-veintiun', '1,21 millones de hogares', 'Uno coma veintiún millones de hogares'),
    ('decimals-feminine-noun', '2,21 toneladas', 'Dos coma veintiuna toneladas'),
    ('millions-abbreviation', '20 M€', 'Veinte millones de euros'),
    ('billions-mil-millones', 'US$1,3 mil millones', 'uno coma tres mil millones de dólares estadounidenses'),
    ('millions-plural', '3.000 millones de dólares', 'Tres mil millones de dólares'),
    ('one-million', '1 millón de personas', 'Un millón de personas'),
    ('code-after', '500 USD', 'Quinientos dólares estadounidenses'),
    ('yen-code', '300 JPY', 'Trescientos yenes'),
    ('basis-points', 'subió los tipos 25 pb', 'subió los tipos veinticinco puntos básicos'),
    ('percentage-points', 'cayó 0,5 pp', 'cayó cero coma cinco puntos porcentuales'),
    ('clock-half', 'a las 10:30', 'a las diez y media'),
    ('clock-quarter', 'a las 9:15 h', 'a las nueve y cuarto'),
    ('clock-one', 'a la 1:00', 'a la una'),
    ('clock-24h', 'a las 21:05', 'a las veintiuna y cinco'),
    ('numeric-date', 'el 12/01/2027', 'el doce de enero de dos mil veintisiete'),
    ('iso-date', 'el 2027-03-05', 'el cinco de marzo de dos mil veintisiete'),
    ('first-of-month', 'el 1 de enero de 2027', 'el uno de enero de dos mil veintisiete'),
    ('ordinal-masculine', 'Quedó 1.º en la carrera.', 'Quedó primero en la carrera.'),
    ('ordinal-feminine', 'la 2.ª vuelta', 'la segunda vuelta'),
    ('ordinal-primer', 'el 1.er puesto', 'el primer puesto'),
    ('ordinal-compound-one-word', 'Terminó 11.º en la general.', 'Terminó decimoprimero en la general.'),
    ('ordinal-compound-feminine', 'la 12.ª etapa', 'la decimosegunda etapa'),
    ('verb-ha-after-a-year', 'El 2025 ha sido duro.', 'El dos mil veinticinco ha sido duro.'),
    ('hectares-at-the-end', 'Ardieron 12 ha.', 'Ardieron doce hectáreas.'),
    ('units-minutes', 'en 12 min', 'en doce minutos'),
    ('tennis-sets', 'ganó por 6-3 3-6 7-5.', 'ganó por seis a tres, tres a seis, siete a cinco.'),
    ('century', 'en el siglo XXI', 'en el siglo veintiuno'),
    ('king', 'Felipe VI viajó.', 'Felipe sexto viajó.'),
    ('king-cardinal', 'Alfonso XIII reinó.', 'Alfonso trece reinó.'),
    ('score', 'ganó 3-1', 'ganó tres a uno'),
    ('range', 'de 10-20 kilómetros', 'de diez a veinte kilómetros'),
    ('units-km', 'recorrió 1,5 km', 'recorrió uno coma cinco kilómetros'),
    ('units-tonnes', '21 t de trigo', 'Veintiuna toneladas de trigo'),
    ('units-speed', 'a 120 km/h', 'a ciento veinte kilómetros por hora'),
    ('units-celsius', '35 °C', 'Treinta y cinco grados Celsius'),
    ('units-megawatts', '400 MW', 'Cuatrocientos megavatios'),
    ('abbreviation-sr', 'El Sr. García habló.', 'El señor García habló.'),
    ('abbreviation-usa', 'viajó a EE. UU.', 'viajó a Estados Unidos.'),
    ('abbreviation-end', 'vino Luis, Ana, etc.', 'vino Luis, Ana, etcétera.'),
    ('acronym-spelled', 'el PIB creció', 'el P I B creció'),
    ('acronym-word', 'la OTAN y la ONU', 'la Otan y la Onu'),
    ('acronym-spelled-not-a-word', 'la OMS y la OCDE', 'la O M S y la O C D E'),
    ('acronym-syllables-said-as-word', 'el SEPE, la UCI y el BOE', 'el Sepe, la Uci y el Boe'),
    ('acronym-clusters-spelled', 'la UGT, el DNI y el IRPF', 'la U G T, el D N I y el I R P F'),
    ('acronym-closed-syllable-spelled', 'el PIB y el PNV', 'el P I B y el P N V'),
    ('acronym-one-capital-untouched', 'Adif, Renfe y Aena en Lugo', 'Adif, Renfe y Aena en Lugo'),
    ('url', 'Visite www.ejemplo.es/ayuda.', 'Visite ejemplo punto E S barra ayuda.'),
    ('email', 'Escriba a prensa@ejemplo.es.', 'Escriba a prensa arroba ejemplo punto E S.'),
    ('ampersand', 'Johnson & Johnson', 'Johnson y Johnson'),
    ('english-name-kept', 'Goldman Sachs y Apple', 'Goldman Sachs y Apple'),
    ('question-marks', '¿Cuántos? 5.', '¿Cuántos? Cinco.'),
    ('times', 'creció 3x', 'creció tres veces'),
)
FRENCH = cases(
    ('thin-space-groups', 'Le CAC 40 a clôturé à 8 214,35 points.', 'Le Cac quarante a clôturé à huit mille deux cent quatorze virgule trente-cinq points.'),
    ('nbsp-groups', 'Il y a 12 500 salariés.', 'Il y a douze mille cinq cents salariés.'),
    ('decimal-comma', 'une hausse de 2,3 %', 'une hausse de deux virgule trois pour cent'),
    ('percent-glued', 'en baisse de 0,4%', 'en baisse de zéro virgule quatre pour cent'),
    ('percent-range', 'entre 3 et 5 %', 'entre trois et cinq pour cent'),
    ('negative', 'un solde de -1,2 point', 'un solde de moins un virgule deux point'),
    ('year', 'en 2027', 'en deux mille vingt-sept'),
    ('feminine-one', '21 personnes', 'Vingt et une personnes'),
    ('feminine-une', '1 entreprise', 'Une entreprise'),
    ('masculine-un', '31 ans', 'Trente et un ans'),
    ('fois', '2 fois', 'Deux fois'),
    ('euro-after', 'Il coûte 20 €.', 'Il coûte vingt euros.'),
    ('euro-cents', 'Il coûte 2,50 €.', 'Il coûte deux euros cinquante.'),
    ('euro-one', 'Il coûte 1 €.', 'Il coûte un euro.'),
    ('euro-before', 'une amende de €300', 'une amende de trois cents euros'),
    ('dollar-bare', 'il vaut $5', 'il vaut cinq dollars'),
    ('us-dollar', 'US$ 1 200', 'mille deux cents dollars des États-Unis'),
    ('pound-feminine', '£21', 'vingt et une livres'),
    ('rupee-feminine', '1 INR', 'Une roupie'),
    ('milliard-singular', "1,5 milliard d'euros", "Un virgule cinq milliard d'euros"),
    ('milliard-plural', '3 Md€', "Trois milliards d'euros"),
    ('millions-abbreviation', '20 M€', "Vingt millions d'euros"),
    ('million-one', '1 million de personnes', 'Un million de personnes'),
    ('millions-dollars', '12 millions de dollars', 'Douze millions de dollars'),
    ('millions-elision', '45 M€ de chiffre', "Quarante-cinq millions d'euros de chiffre"),
    ('basis-points', 'de 25 pb', 'de vingt-cinq points de base'),
    ('clock-h', 'à 10 h 30', 'à dix heures trente'),
    ('clock-glued', 'à 18h45', 'à dix-huit heures quarante-cinq'),
    ('clock-hour-only', 'à 6 h', 'à six heures'),
    ('clock-colon', 'à 14:00', 'à quatorze heures'),
    ('clock-one', 'à 1 h', 'à une heure'),
    ('midi', 'à 12 h', 'à midi'),
    ('first-day', 'le 1er janvier 2027', 'le premier janvier deux mille vingt-sept'),
    ('date-numeric', 'le 12/01/2027', 'le douze janvier deux mille vingt-sept'),
    ('iso-date', 'le 2027-03-05', 'le cinq mars deux mille vingt-sept'),
    ('ordinal-e', 'arrivé 2e', 'arrivé deuxième'),
    ('ordinal-re', 'la 1re place', 'la première place'),
    ('ordinal-eme', 'le 3ème tour', 'le troisième tour'),
    ('century', 'au XXIe siècle', 'au vingt et unième siècle'),
    ('ordinal-eighty', 'le 80e anniversaire', 'le quatre-vingtième anniversaire'),
    ('ordinal-hundreds', 'la 300e édition', 'la trois centième édition'),
    ('ordinal-eighty-after-hundreds', 'le 280e jour', 'le deux cent quatre-vingtième jour'),
    ('ordinal-eighty-one', 'le 81e congrès', 'le quatre-vingt-unième congrès'),
    ('tennis-sets', 'vainqueur 7-6 6-4 en finale', 'vainqueur sept à six, six à quatre en finale'),
    ('units-minutes', 'arrivé 12 min plus tard', 'arrivé douze minutes plus tard'),
    ('score-before-dans', 'gagné 2-1 dans le derby', 'gagné deux à un dans le derby'),
    ('king', 'Louis XIV régna.', 'Louis quatorze régna.'),
    ('king-premier', 'François Ier', 'François premier'),
    ('score', 'le PSG a gagné 2-0', 'le P-S-G a gagné deux à zéro'),
    ('range', 'de 10-20 kilomètres', 'de dix à vingt kilomètres'),
    ('units-km', '1,5 km', 'Un virgule cinq kilomètre'),
    ('units-tonnes', '21 t', 'Vingt et une tonnes'),
    ('units-celsius', '35 °C', 'Trente-cinq degrés Celsius'),
    ('units-speed', 'à 130 km/h', 'à cent trente kilomètres par heure'),
    ('units-energy', '400 MW', 'Quatre cents mégawatts'),
    ('monsieur', 'M. Dupont a parlé.', 'Monsieur Dupont a parlé.'),
    ('madame', 'Mme Martin a parlé.', 'Madame Martin a parlé.'),
    ('docteur', 'le Dr Durand', 'le docteur Durand'),
    ('numero', 'le n° 5', 'le numéro cinq'),
    ('etc', 'des pommes, etc.', 'des pommes, et cetera.'),
    ('acronym-spelled', 'la BCE et le PIB', 'la B-C-E et le P-I-B'),
    ('acronym-spelled-though-short', "l'OMS et les ONG", "l'O-M-S et les O-N-G"),
    ('acronym-word', "l'OTAN et l'ONU", "l'Otan et l'Onu"),
    ('acronym-spelled-not-a-word', "l'OCDE publie", "l'O-C-D-E publie"),
    ('url', 'sur www.exemple.fr/aide.', 'sur exemple point F-R slash aide.'),
    ('email', 'écrire à presse@exemple.fr', 'écrire à presse arobase exemple point F-R'),
    ('ampersand', 'Procter & Gamble', 'Procter et Gamble'),
    ('english-name', 'Goldman Sachs et Apple', 'Goldman Sachs et Apple'),
    ('times', 'multiplié par 3x', 'multiplié par trois fois'),
)
ITALIAN = cases(
    ('thousands-dot', 'Il Ftse Mib ha chiuso a 34.512,7 punti.', 'Il Futsi Mib ha chiuso a trentaquattromilacinquecentododici virgola sette punti.'),
    ('percent', 'in rialzo del 2,3%', 'in rialzo del due virgola tre percento'),
    ('percent-space', 'un calo dello 0,4 %', 'un calo dello zero virgola quattro percento'),
    ('negative', 'un saldo di -1,5', 'un saldo di meno uno virgola cinque'),
    ('year', 'nel 2027', 'nel duemilaventisette'),
    ('one-feminine', '1 persona', 'Una persona'),
    ('one-masculine', '1 anno', 'Un anno'),
    ('euro-after', 'Costa 20 €.', 'Costa venti euro.'),
    ('euro-invariable', 'Costa 1 €.', 'Costa un euro.'),
    ('euro-cents', 'Costa 2,50 €.', 'Costa due euro e cinquanta centesimi.'),
    ('dollar', 'vale $5', 'vale cinque dollari'),
    ('pound', '1 £', 'Una sterlina'),
    ('miliardi', '1,5 miliardi di euro', 'Uno virgola cinque miliardi di euro'),
    ('mld', '3 mld €', 'Tre miliardi di euro'),
    ('mln', '20 mln di euro', 'Venti milioni di euro'),
    ('miliardo-one', '1 mld', 'Un miliardo'),
    ('milione-one', '1 milione di persone', 'Un milione di persone'),
    ('basis-points', '25 pb', 'Venticinque punti base'),
    ('percentage-points', '0,5 p.p.', 'Zero virgola cinque punti percentuali.'),
    ('clock-dot', 'alle 10.30', 'alle dieci e trenta'),
    ('clock-colon', 'alle 21:00', 'alle ventuno'),
    ('clock-one', "all'1:15", "all'una e quindici"),
    ('first-day', 'il 1º gennaio 2027', 'il primo gennaio duemilaventisette'),
    ('date-numeric', 'il 12/01/2027', 'il dodici gennaio duemilaventisette'),
    ('ordinal', 'il 3º posto', 'il terzo posto'),
    ('ordinal-feminine', 'la 2ª volta', 'la seconda volta'),
    ('tennis-sets', 'in due set, 6-1 6-2, e', 'in due set, sei a uno, sei a due, e'),
    ('verb-ha-after-a-figure', 'Il Covid-19 ha causato tre vittime', 'Il Covid-diciannove ha causato tre vittime'),
    ('hectares', '300 ha di bosco', 'Trecento ettari di bosco'),
    ('first-day-degree-sign-capital-article', 'Dal 1° luglio cambia', 'Dal primo luglio cambia'),
    ('clock-dot-capital', 'Alle 18.30 si riunisce', 'Alle diciotto e trenta si riunisce'),
    ('score-before-nel', 'vince 2-1 nel derby', 'vince due a uno nel derby'),
    ('score-then-range', 'vince 3-1 e sale', 'vince tre a uno e sale'),
    ('century', 'nel XXI secolo', 'nel ventunesimo secolo'),
    ('king', 'Carlo III parlò.', 'Carlo terzo parlò.'),
    ('pope', 'Giovanni XXIII', 'Giovanni ventitreesimo'),
    ('article-i-kept', 'I ministri e Roma I', 'I ministri e Roma I'),
    ('score', 'ha vinto 3-1', 'ha vinto tre a uno'),
    ('units-km', '1,5 km', 'Uno virgola cinque chilometri'),
    ('units-tonnes', '21 t', 'Ventuno tonnellate metriche'),
    ('units-speed', '130 km/h', 'Centotrenta chilometri orari'),
    ('signor', 'il Sig. Rossi', 'il signor Rossi'),
    ('dottore', 'il Dott. Bianchi', 'il dottor Bianchi'),
    ('acronym-said-as-word', 'il PIL e la BCE', 'il Pil e la bì-cì-é'),
    ('acronym-word', "la NATO e l'ONU", "la Nato e l'Onu"),
    ('acronym-two-letters', 'la UE e il PD', 'la ù-é e il pì-dì'),
    ('acronym-spelled', 'la CGIL e LVMH', 'la cì-gì-ì-èlle e èlle-vù-èmme-àcca'),
    ('house-style-acronym', "la Bce, il Pd e l'Fmi", "la bì-cì-é, il pì-dì e l'èffe-èmme-ì"),
    ('house-style-word', "l'Istat, la Fiat e il Pil", "l'Istat, la Fiat e il Pil"),
    ('house-style-listed', "l'Inps e la Rai", "l'Inps e la Rai"),
    ('short-names-stay', 'Khan, Tsai e Ross a Daily Buzz', 'Khan, Tsai e Ross a Daily Buzz'),
    ('tv', 'in Tv', 'in tì-vù'),
    ('index', 'il Ftse Mib', 'il Futsi Mib'),
    ('url', 'su www.esempio.it/aiuto.', 'su esempio punto ì-tì barra aiuto.'),
    ('email', 'a stampa@esempio.it', 'a stampa chiocciola esempio punto ì-tì'),
    ('times', '3x', 'Tre volte'),
)
PORTUGUESE = cases(
    ('thousands-dot', 'O Ibovespa fechou em 128.512,34 pontos.', 'O Ibovespa fechou em cento e vinte e oito mil quinhentos e doze vírgula trinta e quatro pontos.'),
    ('percent', 'alta de 1,2%', 'alta de um vírgula dois por cento'),
    ('negative', 'saldo de -0,5', 'saldo de menos zero vírgula cinco'),
    ('year', 'em 2027', 'em dois mil e vinte e sete'),
    ('feminine-one', '1 pessoa', 'Uma pessoa'),
    ('feminine-two', '2 pessoas', 'Duas pessoas'),
    ('feminine-hundreds', '200 pessoas', 'Duzentas pessoas'),
    ('feminine-21', '21 empresas', 'Vinte e uma empresas'),
    ('masculine', '21 anos', 'Vinte e um anos'),
    ('real-cents', 'Custa R$ 2,50.', 'Custa dois reais e cinquenta centavos.'),
    ('real-one', 'Custa R$ 1.', 'Custa um real.'),
    ('real-many', 'Custa R$ 300.', 'Custa trezentos reais.'),
    ('dollar', 'US$ 5', 'cinco dólares americanos'),
    ('pound-feminine', '£ 2', 'duas libras'),
    ('bilhao-singular', 'R$ 1,5 bilhão', 'um vírgula cinco bilhão de reais'),
    ('bi-abbreviation', 'US$ 2 bi', 'dois bilhões de dólares americanos'),
    ('mil', 'R$ 10 mil', 'dez mil reais'),
    ('milhoes', '3 milhões de pessoas', 'Três milhões de pessoas'),
    ('milhao-one', '1 milhão de reais', 'Um milhão de reais'),
    ('percentage-points', '0,25 p.p.', 'Zero vírgula vinte e cinco ponto percentual.'),
    ('basis-points', '50 pb', 'Cinquenta pontos-base'),
    ('clock-h', 'às 10h30', 'às dez e meia'),
    ('clock-hour-only', 'às 10h', 'às dez horas'),
    ('clock-one', 'à 1h', 'à uma hora'),
    ('first-day', 'em 1º de janeiro de 2027', 'em primeiro de janeiro de dois mil e vinte e sete'),
    ('date-numeric', 'em 12/01/2027', 'em doze de janeiro de dois mil e vinte e sete'),
    ('ordinal', 'o 3º lugar', 'o terceiro lugar'),
    ('ordinal-feminine', 'a 2ª vez', 'a segunda vez'),
    ('tennis-sets', 'venceu por 6-4 4-6 6-3', 'venceu por seis a quatro, quatro a seis, seis a três'),
    ('century', 'no século XXI', 'no século vinte e um'),
    ('king', 'Dom Pedro II', 'Dom Pedro segundo'),
    ('pope', 'Bento XVI', 'Bento dezesseis'),
    ('score', 'venceu por 2-1', 'venceu por dois a um'),
    ('units-km', '1,5 km', 'Um vírgula cinco quilômetro'),
    ('units-tonnes', '2 t', 'Duas toneladas métricas'),
    ('senhor', 'o Sr. Silva', 'o senhor Silva'),
    ('doutora', 'a Dra. Souza', 'a doutora Souza'),
    ('eua', 'nos EUA', 'nos Estados Unidos'),
    ('acronym', 'o PIB e o BC', 'o P I B e o B C'),
    ('acronym-spelled-not-a-word', 'segundo o IBGE e a OCDE', 'segundo o I B G E e a ó C D E'),
    ('acronym-word', 'a ONU e o PIX', 'a Onu e o Pix'),
    ('url', 'em www.exemplo.com.br/ajuda.', 'em exemplo ponto com ponto B R barra ajuda.'),
    ('times', '3x', 'Três vezes'),
)
HINDI = cases(
    ('lakh-grouping', 'सेंसेक्स 1,23,456 अंक पर बंद हुआ।', 'सेंसेक्स एक लाख तेईस हज़ार चार सौ छप्पन अंक पर बंद हुआ।'),
    ('crore-grouping', '1,23,45,678 लोग', 'एक करोड़ तेईस लाख पैंतालीस हज़ार छह सौ अठहत्तर लोग'),
    ('western-grouping', '123,456 लोग', 'एक लाख तेईस हज़ार चार सौ छप्पन लोग'),
    ('decimal', '2.35 अंक', 'दो दशमलव तीन पाँच अंक'),
    ('percent', '2.3% की बढ़त', 'दो दशमलव तीन प्रतिशत की बढ़त'),
    ('percent-space', '5 % ब्याज', 'पाँच प्रतिशत ब्याज'),
    ('negative', '-1.5 अंक', 'ऋण एक दशमलव पाँच अंक'),
    ('year', '2027 में', 'दो हज़ार सत्ताईस में'),
    ('devanagari-digits', '१२ लोग', 'बारह लोग'),
    ('rupee-crore', '₹500 करोड़', 'पाँच सौ करोड़ रुपए'),
    ('rupee-lakh', '₹5 लाख', 'पाँच लाख रुपए'),
    ('rupee-plain', '₹1,25,000', 'एक लाख पच्चीस हज़ार रुपए'),
    ('rupee-one', '₹1', 'एक रुपया'),
    ('rupee-paise', '₹2.50', 'दो रुपए पचास पैसे'),
    ('rs-prefix', 'Rs 300', 'तीन सौ रुपए'),
    ('dollar', '$5', 'पाँच डॉलर'),
    ('crore-alone', '500 करोड़ लोग', 'पाँच सौ करोड़ लोग'),
    ('clock', '10:30 बजे', 'दस बजकर तीस मिनट'),
    ('clock-hour', '10:00 बजे', 'दस बजे'),
    ('date', '12 जनवरी 2027', 'बारह जनवरी दो हज़ार सत्ताईस'),
    ('date-numeric', '12/01/2027', 'बारह जनवरी दो हज़ार सत्ताईस'),
    ('century', '21वीं सदी', 'इक्कीसवीं सदी'),
    ('ordinal-masc', '5वां स्थान', 'पाँचवाँ स्थान'),
    ('basis-points', '25 bps', 'पच्चीस आधार अंक'),
    ('units-km', '15 km', 'पन्द्रह किलोमीटर'),
    ('acronym', 'RBI और SEBI', 'R B I और Sebi'),
    ('doctor', 'डॉ. शर्मा ने कहा।', 'डॉक्टर शर्मा ने कहा।'),
    ('url', 'www.example.in पर', 'example डॉट I N पर'),
    ('range', '3-5 दिन', 'तीन से पाँच दिन'),
)


def check(rules: LanguageRules, written: str, spoken: str) -> None:
    said = Verbalizer(rules).speak(written)
    assert said == spoken
    assert not FORBIDDEN.search(said)


@pytest.mark.parametrize(("written", "spoken"), SPANISH)
def test_spanish(written: str, spoken: str) -> None:
    check(es.RULES, written, spoken)


@pytest.mark.parametrize(("written", "spoken"), FRENCH)
def test_french(written: str, spoken: str) -> None:
    check(fr.RULES, written, spoken)


@pytest.mark.parametrize(("written", "spoken"), ITALIAN)
def test_italian(written: str, spoken: str) -> None:
    check(it.RULES, written, spoken)


@pytest.mark.parametrize(("written", "spoken"), PORTUGUESE)
def test_portuguese(written: str, spoken: str) -> None:
    check(pt_br.RULES, written, spoken)


@pytest.mark.parametrize(("written", "spoken"), HINDI)
def test_hindi(written: str, spoken: str) -> None:
    check(hi.RULES, written, spoken)


SPLITS = [
    pytest.param(es.RULES, "¿Qué pasó en EE. UU. ayer? ¡Nada! El Sr. García llegó a las 10.30. Luego se fue.",
                 ["¿Qué pasó en EE. UU. ayer?", "¡Nada!", "El Sr. García llegó a las 10.30.", "Luego se fue."],
                 id="es-inverted-marks-and-abbreviations"),
    pytest.param(es.RULES, "El PIB creció un 2,3 %. «Es un buen dato», dijo. 1.500 personas lo celebraron.",
                 ["El PIB creció un 2,3 %.", "«Es un buen dato», dijo.", "1.500 personas lo celebraron."],
                 id="es-guillemets-and-figures"),
    pytest.param(fr.RULES, "M. Dupont est arrivé. « C'est fini », a-t-il dit. Le CAC 40 a gagné 1,2 %.",
                 ["M. Dupont est arrivé.", "« C'est fini », a-t-il dit.", "Le CAC 40 a gagné 1,2 %."],
                 id="fr-monsieur-and-guillemets"),
    pytest.param(it.RULES, "Il Sig. Rossi ha parlato. Il Pil cresce dello 0,5%. Bene.",
                 ["Il Sig. Rossi ha parlato.", "Il Pil cresce dello 0,5%.", "Bene."], id="it-signor"),
    pytest.param(pt_br.RULES, "O Sr. Silva chegou às 10h. A Dra. Souza saiu. O dólar caiu 1,2%.",
                 ["O Sr. Silva chegou às 10h.", "A Dra. Souza saiu.", "O dólar caiu 1,2%."], id="pt-titles"),
    pytest.param(hi.RULES, "डॉ. शर्मा ने कहा कि दरें घटेंगी। सेंसेक्स 2.3% चढ़ा। बाज़ार खुश है।",
                 ["डॉ. शर्मा ने कहा कि दरें घटेंगी।", "सेंसेक्स 2.3% चढ़ा।", "बाज़ार खुश है।"], id="hi-danda"),
]


@pytest.mark.parametrize(("rules", "paragraph", "expected"), SPLITS)
def test_split_written(rules: LanguageRules, paragraph: str, expected: list[str]) -> None:
    assert Verbalizer(rules).split_written(paragraph) == expected


@pytest.mark.parametrize("rules", [es.RULES, fr.RULES, it.RULES, pt_br.RULES, hi.RULES], ids=lambda r: r.code)
def test_no_digit_or_symbol_survives(rules: LanguageRules) -> None:
    """Whatever the rules miss, the engine never sees a digit or a currency sign."""
    said = Verbalizer(rules).speak("Code 4711-B: 12 % & 3 € ¥ 9 ₹ 7 $ < > 1/2 №5 #3 ०९")
    assert not FORBIDDEN.search(said), said


ESPEAK = {"es": "es", "fr": "fr-fr", "it": "it", "pt-BR": "pt-br"}


@pytest.mark.parametrize("rules", [es.RULES, fr.RULES, it.RULES, pt_br.RULES], ids=lambda r: r.code)
def test_acronyms_said_as_words_reach_espeak_as_words(rules: LanguageRules) -> None:
    """Every acronym a pack says as a word ("ONU", "IVA", "CAC", "Insee") is given to the engine so that eSpeak NG
    reads it as one word of the language: not spelled letter by letter (it spells capitals: "la ONU" was
    "o-ene-u"), not with English rules ("Insee" was "inn-sii")."""
    import re

    from kokoro_onnx.tokenizer import Tokenizer

    from podcast.engines.kokoro import respelled

    lang = ESPEAK[rules.code]
    tokenizer, verbalizer = Tokenizer(), Verbalizer(rules)
    for acronym in sorted(rules.word_acronyms):
        said = verbalizer.speak(acronym)
        phonemes = tokenizer.phonemize(respelled(said, lang), lang)
        assert "(" not in phonemes and len(re.findall("[ˈˌ]", phonemes)) <= 2, (acronym, said, phonemes)



@pytest.mark.parametrize(("written", "sounds"), [
    pytest.param("selon l'Insee", "linsˈe", id="Insee-not-nasal"),
    pytest.param("à Rouen", "ʁwˈɑ̃", id="Rouen"),
    pytest.param("la Cedeao", "sedeaˈo", id="Cedeao"),
])
def test_french_respellings_give_the_newsreaders_sounds(written: str, sounds: str) -> None:
    """A respelling is checked by the sounds eSpeak NG makes of it, not by its letters: "Insé" looked right and
    was said "ɛ̃sˈe", a nasal vowel, where a newsreader says "insˈe"."""
    from kokoro_onnx.tokenizer import Tokenizer

    from podcast.engines.kokoro import respelled

    assert sounds in Tokenizer().phonemize(respelled(written, "fr-fr"), "fr-fr")
